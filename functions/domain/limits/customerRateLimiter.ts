/** Per-customer message counters in fixed windows, incremented atomically across concurrent consumers. */
export interface RateCounter {
  /** Adds one to the customer's counter for that window and returns the new count. */
  increment(waId: string, window: RateWindow, windowIndex: number): Promise<number>;
}

export type RateWindow = 'minute' | 'day';

export const WINDOW_MS: Record<RateWindow, number> = { minute: 60_000, day: 86_400_000 };

/** allowed: answer it; notice: the first message over a limit, answered with one polite notice; silent: ignored. */
export type Admission = { kind: 'allowed' } | { kind: 'notice'; window: RateWindow } | { kind: 'silent' };

export interface RateLimits {
  perMinute: number;
  perDay: number;
}

/**
 * Keeps one customer from flooding the assistant (and the store's bill): past
 * a limit they get a single notice, then silence until the window passes.
 * Every message counts in both windows, so a flood also uses up the day.
 */
export class CustomerRateLimiter {
  constructor(
    private readonly counter: RateCounter,
    private readonly limits: RateLimits,
  ) {}

  async admit(waId: string, at: number): Promise<Admission> {
    const [minute, day] = await Promise.all([
      this.counter.increment(waId, 'minute', Math.floor(at / WINDOW_MS.minute)),
      this.counter.increment(waId, 'day', Math.floor(at / WINDOW_MS.day)),
    ]);
    if (day > this.limits.perDay) return day === this.limits.perDay + 1 ? { kind: 'notice', window: 'day' } : { kind: 'silent' };
    if (minute > this.limits.perMinute)
      return minute === this.limits.perMinute + 1 ? { kind: 'notice', window: 'minute' } : { kind: 'silent' };
    return { kind: 'allowed' };
  }
}
