import { STORE_TIME_ZONE_NAME } from './storeTimeZone';

export interface WorkingHours {
  /** Minutes after midnight, Almaty time. */
  opensAt: number;
  closesAt: number;
  /** ISO weekdays, 1 = Monday. */
  firstDay: number;
  lastDay: number;
}

/** "09:00-20:00" and "1-6" as the environment gives them. */
export function parseWorkingHours(hours: string, days: string): WorkingHours {
  const [open = '09:00', close = '20:00'] = hours.split('-');
  const minutes = (time: string) => {
    const [h = '0', m = '0'] = time.split(':');
    return Number(h) * 60 + Number(m);
  };
  const [first = '1', last = '6'] = days.split('-');
  return { opensAt: minutes(open), closesAt: minutes(close), firstDay: Number(first), lastDay: Number(last) };
}

const LOCAL = new Intl.DateTimeFormat('en-GB', {
  timeZone: STORE_TIME_ZONE_NAME,
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function localTime(instant: number): { weekday: IsoWeekday; minutes: number } {
  const parts = Object.fromEntries(LOCAL.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return {
    weekday: (WEEKDAYS.indexOf(parts.weekday ?? 'Mon') + 1) as IsoWeekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type ManagerAvailability =
  | { kind: 'now' }
  | { kind: 'today' | 'tomorrow'; opensAt: number }
  /** Past tomorrow: the customer is told the day by name, whether today is a day off or the evening before one. */
  | { kind: 'later'; opensAt: number; weekday: IsoWeekday };

const nextDay = (day: IsoWeekday): IsoWeekday => ((day % 7) + 1) as IsoWeekday;

/** When a manager will answer: now, later today, tomorrow, or on the next working day named (at opening time). */
export function managerAvailability(now: number, hours: WorkingHours): ManagerAvailability {
  const { weekday, minutes } = localTime(now);
  const workingDay = (day: number) => day >= hours.firstDay && day <= hours.lastDay;
  if (workingDay(weekday) && minutes >= hours.opensAt && minutes < hours.closesAt) return { kind: 'now' };
  if (workingDay(weekday) && minutes < hours.opensAt) return { kind: 'today', opensAt: hours.opensAt };
  const tomorrow = nextDay(weekday);
  if (workingDay(tomorrow)) return { kind: 'tomorrow', opensAt: hours.opensAt };
  let day = nextDay(tomorrow);
  // A misconfigured week with no working day at all still names a day rather than looping.
  for (let step = 0; step < 7 && !workingDay(day); step++) day = nextDay(day);
  return { kind: 'later', opensAt: hours.opensAt, weekday: day };
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
