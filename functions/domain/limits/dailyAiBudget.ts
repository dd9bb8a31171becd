import type { AiUsage } from '../assistant/aiUsage';

/** Micro-dollars spent on OpenAI per UTC day, summed atomically across all functions. */
export interface AiSpendLedger {
  add(day: string, microUsd: number): Promise<void>;
  spent(day: string): Promise<number>;
}

/** Prices a model call from the pricing file (tokens by kind, audio minutes). */
export type AiUsagePricer = (usage: AiUsage) => number;

/** Checked before every model call: a short cache keeps the check off the hot path without letting spend run far past the cap. */
const CHECK_CACHE_MS = 15_000;

const dayOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/**
 * The global daily spending cap on OpenAI: once a day's priced usage passes
 * the budget, the offline assistant answers and voice and photos wait for
 * tomorrow, instead of the bill growing without bound.
 */
export class DailyAiBudget {
  private cached: { day: string; at: number; allowed: boolean } | undefined;

  constructor(private readonly deps: { ledger: AiSpendLedger; priceMicroUsd: AiUsagePricer; budgetUsd: number; now: () => number }) {}

  async allows(): Promise<boolean> {
    const now = this.deps.now();
    const day = dayOf(now);
    if (this.cached && this.cached.day === day && now - this.cached.at < CHECK_CACHE_MS) return this.cached.allowed;
    const allowed = (await this.deps.ledger.spent(day)) < this.deps.budgetUsd * 1_000_000;
    this.cached = { day, at: now, allowed };
    return allowed;
  }

  async record(usage: readonly AiUsage[]): Promise<void> {
    const microUsd = usage.reduce((sum, call) => sum + this.deps.priceMicroUsd(call), 0);
    if (microUsd <= 0) return;
    await this.deps.ledger.add(dayOf(this.deps.now()), Math.round(microUsd));
    this.cached = undefined;
  }
}
