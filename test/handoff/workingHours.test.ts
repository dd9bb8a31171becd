import { describe, expect, it } from 'vitest';
import { managerAvailability, parseWorkingHours } from '../../functions/domain/handoff/workingHours';
import { botText } from '../../functions/domain/texts/botTexts';

// Monday to Saturday, 09:00–20:00 Almaty time (UTC+5): the defaults.
const hours = parseWorkingHours('09:00-20:00', '1-6');
const almaty = (iso: string) => Date.parse(`${iso}+05:00`);

describe('when a manager answers', () => {
  it('is now during working hours, today before opening, tomorrow on a working evening', () => {
    expect(managerAvailability(almaty('2026-11-25T12:00:00'), hours)).toEqual({ kind: 'now' });
    expect(managerAvailability(almaty('2026-11-25T07:30:00'), hours)).toEqual({ kind: 'today', opensAt: 540 });
    expect(managerAvailability(almaty('2026-11-25T21:00:00'), hours)).toEqual({ kind: 'tomorrow', opensAt: 540 });
  });

  it('names Monday on the evening before the day off, and on a day off that is not the last one', () => {
    // Saturday 28 November 2026 after closing: tomorrow is Sunday, a day off.
    expect(managerAvailability(almaty('2026-11-28T21:00:00'), hours)).toEqual({ kind: 'later', opensAt: 540, weekday: 1 });
    // On Sunday itself Monday is tomorrow.
    expect(managerAvailability(almaty('2026-11-29T11:00:00'), hours)).toEqual({ kind: 'tomorrow', opensAt: 540 });
    // A five-day week: on Saturday the manager answers on Monday.
    expect(managerAvailability(almaty('2026-11-28T11:00:00'), parseWorkingHours('09:00-18:00', '1-5'))).toEqual({
      kind: 'later',
      opensAt: 540,
      weekday: 1,
    });
  });

  it('never says "today is a day off" on a working Saturday evening', () => {
    const day = botText('kk', 'handoff.day.1');
    const notice = botText('kk', 'handoff.when.later', { day, time: '09:00' });
    expect(notice).toBe('Қазір жұмыс уақыты емес: менеджер дүйсенбі күні жұмыс басталғанда (сағат 09:00) осында жауап береді.');
    expect(notice).not.toContain('Бүгін демалыс');
    expect(botText('ru', 'handoff.when.later', { day: botText('ru', 'handoff.day.2'), time: '10:00' })).toBe(
      'Сейчас нерабочее время: менеджер ответит здесь во вторник после 10:00.',
    );
  });
});
