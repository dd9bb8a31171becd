import type { AiUsage } from '../assistant/aiUsage';

/** Micro-dollars spent on OpenAI per UTC day, summed atomically across all functions: the shop's and each customer's. */
export interface AiSpendLedger {
  add(day: string, microUsd: number, customer?: string): Promise<void>;
  spent(day: string): Promise<number>;
  spentBy(day: string, customer: string): Promise<number>;
}

/** Prices a model call from the pricing file (tokens by kind, audio minutes). */
export type AiUsagePricer = (usage: AiUsage) => number;

/** Checked before every model call: a short cache keeps the check off the hot path without letting spend run far past the cap. */
const CHECK_CACHE_MS = 15_000;

const dayOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);

export interface DailyAiBudgetDependencies {
  ledger: AiSpendLedger;
  priceMicroUsd: AiUsagePricer;
  /** The shop's cap for a day. */
  budgetUsd: number;
  /** One customer's cap for a day: a few numbers cannot spend the shop's whole day. */
  customerBudgetUsd: number;
  now: () => number;
}

/**
 * The daily spending caps on OpenAI: once the day's priced usage passes the
 * shop's budget, or a customer's passes theirs, the offline assistant answers
 * and voice and photos wait for tomorrow, instead of the bill growing without
 * bound. Every completion is booked as it comes back, whatever happens to the
 * turn after it (a fallback, a timeout, a retry), so nothing spent escapes the cap.
 */
export class DailyAiBudget {
  /** The shop's spend as last read, plus what this container booked since: its own calls count at once. */
  private cached: { day: string; at: number; spentMicroUsd: number } | undefined;

  constructor(private readonly deps: DailyAiBudgetDependencies) {}

  /** Whether the model may be called now, for this customer when one is named. */
  async allows(customer?: string): Promise<boolean> {
    if (!(await this.shopAllows())) return false;
    if (customer === undefined) return true;
    return (await this.deps.ledger.spentBy(dayOf(this.deps.now()), customer)) < this.deps.customerBudgetUsd * 1_000_000;
  }

  async record(usage: readonly AiUsage[], customer?: string): Promise<void> {
    const microUsd = usage.reduce((sum, call) => sum + this.deps.priceMicroUsd(call), 0);
    if (microUsd <= 0) return;
    const day = dayOf(this.deps.now());
    await this.deps.ledger.add(day, Math.round(microUsd), customer);
    if (this.cached?.day === day) this.cached.spentMicroUsd += Math.round(microUsd);
  }

  private async shopAllows(): Promise<boolean> {
    const now = this.deps.now();
    const day = dayOf(now);
    if (this.cached === undefined || this.cached.day !== day || now - this.cached.at >= CHECK_CACHE_MS) {
      this.cached = { day, at: now, spentMicroUsd: await this.deps.ledger.spent(day) };
    }
    return this.cached.spentMicroUsd < this.deps.budgetUsd * 1_000_000;
  }
}
