/** UTC days as the ledger partitions them: YYYY-MM-DD. */
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class InvalidDayError extends Error {
  override readonly name = 'InvalidDayError';
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function parseDay(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!DAY.test(day) || Number.isNaN(ms) || utcDay(ms) !== day) throw new InvalidDayError(`not a date like 2026-11-25: ${day}`);
  return ms;
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = parseDay(from), end = parseDay(to); ms <= end; ms += DAY_MS) days.push(utcDay(ms));
  return days;
}

/** The last `count` days up to and including today: the reports' default period. */
export function lastDays(count: number, now: number): { from: string; to: string } {
  return { from: utcDay(now - (count - 1) * DAY_MS), to: utcDay(now) };
}
