const NO_BREAK_SPACE = '\u00a0';

/**
 * A tenge amount as Kazakh shops print it: «189 990 ₸». Groups of thousands and
 * the sign are joined by no-break spaces so a WhatsApp line never wraps inside a
 * price. Fractions are rounded to whole tenge, the smallest unit in circulation.
 */
export function formatTenge(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`Not a tenge amount: ${amount}`);
  const whole = Math.round(Math.abs(amount));
  const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, NO_BREAK_SPACE);
  const sign = whole !== 0 && amount < 0 ? '-' : '';
  return `${sign}${digits}${NO_BREAK_SPACE}₸`;
}
