import { describe, expect, it } from 'vitest';
import { formatTenge } from '../../functions/domain/catalog/tenge';

const NBSP = '\u00a0';

describe('formatTenge', () => {
  it('groups thousands with no-break spaces and ends with a no-break space and ₸', () => {
    expect(formatTenge(189_990)).toBe(`189${NBSP}990${NBSP}₸`);
    expect(formatTenge(1_234_567)).toBe(`1${NBSP}234${NBSP}567${NBSP}₸`);
    expect(formatTenge(1000)).toBe(`1${NBSP}000${NBSP}₸`);
  });

  it('leaves amounts under a thousand ungrouped', () => {
    expect(formatTenge(990)).toBe(`990${NBSP}₸`);
    expect(formatTenge(5)).toBe(`5${NBSP}₸`);
  });

  it('prints zero plainly, even when it is a rounded negative fraction', () => {
    expect(formatTenge(0)).toBe(`0${NBSP}₸`);
    expect(formatTenge(-0.3)).toBe(`0${NBSP}₸`);
  });

  it('puts a minus before negative amounts', () => {
    expect(formatTenge(-15_000)).toBe(`-15${NBSP}000${NBSP}₸`);
  });

  it('rounds to whole tenge', () => {
    expect(formatTenge(189_989.6)).toBe(`189${NBSP}990${NBSP}₸`);
  });

  it('contains no ordinary spaces, so a price never wraps', () => {
    expect(formatTenge(12_345_678)).not.toContain(' ');
  });

  it('refuses amounts that are not numbers', () => {
    expect(() => formatTenge(Number.NaN)).toThrow(RangeError);
    expect(() => formatTenge(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
