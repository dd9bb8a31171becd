import type { Language } from '../language';
import { botText } from '../texts/botTexts';
import { formatClock, type WorkingHours } from './workingHours';

const weekday = (language: Language, day: number) => botText(language, `weekday.${Math.min(7, Math.max(1, day))}` as 'weekday.1');

/** «пн–сб с 09:00 до 20:00», «дс–сб, сағат 09:00–20:00», «Mon–Sat, 09:00–20:00»: when a person answers. */
export function workingHoursText(language: Language, hours: WorkingHours): string {
  const days =
    hours.firstDay === hours.lastDay
      ? weekday(language, hours.firstDay)
      : `${weekday(language, hours.firstDay)}–${weekday(language, hours.lastDay)}`;
  return botText(language, 'hours.window', { days, open: formatClock(hours.opensAt), close: formatClock(hours.closesAt) });
}
