/** Per-customer message counters in fixed windows, counted atomically across concurrent consumers. */
export interface RateCounter {
  /**
   * The message's place among the customer's messages in that window (1 for
   * the first). A message delivered again keeps the place it got the first
   * time, at least among the first `remember` places.
   */
  place(waId: string, messageId: string, window: RateWindow, windowIndex: number, remember: number): Promise<number>;
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
 * Every message counts in both windows, so a flood also uses up the day; a
 * message counts once, however often SQS delivers it, so a retried turn is
 * answered instead of being silenced by its own earlier attempts.
 */
export class CustomerRateLimiter {
  constructor(
    private readonly counter: RateCounter,
    private readonly limits: RateLimits,
  ) {}

  async admit(waId: string, messageId: string, at: number): Promise<Admission> {
    // Places up to one past a limit decide allowed or notice; every later one is silent, whatever it was before.
    const [minute, day] = await Promise.all([
      this.counter.place(waId, messageId, 'minute', Math.floor(at / WINDOW_MS.minute), this.limits.perMinute + 1),
      this.counter.place(waId, messageId, 'day', Math.floor(at / WINDOW_MS.day), this.limits.perDay + 1),
    ]);
    if (day > this.limits.perDay) return day === this.limits.perDay + 1 ? { kind: 'notice', window: 'day' } : { kind: 'silent' };
    if (minute > this.limits.perMinute)
      return minute === this.limits.perMinute + 1 ? { kind: 'notice', window: 'minute' } : { kind: 'silent' };
    return { kind: 'allowed' };
  }
}
