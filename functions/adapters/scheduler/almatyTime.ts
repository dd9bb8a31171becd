import { STORE_TIME_ZONE_NAME } from '../../domain/handoff/storeTimeZone';

/** EventBridge Scheduler's one-time `at(...)` is wall-clock time in the schedule's time zone: the store's. */
export const STORE_TIME_ZONE = STORE_TIME_ZONE_NAME;

const WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: STORE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: Date): Record<string, string> {
  return Object.fromEntries(WALL_CLOCK.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** `at(2026-12-02T11:00:00)` for the instant, in Almaty's wall-clock time. */
export function atExpression(instant: Date): string {
  const p = parts(instant);
  return `at(${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second})`;
}

/** Messages a customer did not ask for arrive in the day, not at night: 10:00–20:00 in Almaty. */
export function withinDaytime(instant: Date, firstHour = 10, lastHour = 20): Date {
  const hour = Number(parts(instant).hour);
  if (hour >= firstHour && hour < lastHour) return instant;
  const hoursToAdd = hour >= lastHour ? 24 - hour + firstHour : firstHour - hour;
  const moved = new Date(instant.getTime() + hoursToAdd * 3_600_000);
  moved.setUTCMinutes(0, 0, 0);
  return moved;
}
