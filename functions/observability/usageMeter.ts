import type { AiUsage } from '../domain/assistant/aiUsage';
import type { AnalyticsCounter, AnalyticsCounts } from '../domain/cost/analyticsCounters';
import { weightier, type Feature } from '../domain/cost/features';
import type { UsageEvent } from '../domain/cost/usageEvent';
import { customerRef } from './customerRef';

/**
 * What one invocation consumed and did: usage events for the cost ledger,
 * the feature and customers it served, and the store's analytics counters.
 * Closed when the invocation's accounting starts, so the ledger's own write
 * (and anything a stray promise does later) is never metered into a row.
 */
export class UsageMeter {
  private readonly events: UsageEvent[] = [];
  private readonly counts: AnalyticsCounts = {};
  // Who was served, resolved to the ledger's pseudonyms only when the row is written (costAccounting): held in memory, never written.
  private readonly customers = new Set<string>();
  private readonly inboundByCustomer: Record<string, number> = {};
  private chosenFeature: Feature | undefined;
  private closed = false;

  constructor(
    readonly startedAt: number,
    private readonly defaultFeature: string,
  ) {}

  record(event: UsageEvent): void {
    if (!this.closed) this.events.push(event);
  }

  /** Model usage from a turn (TurnResult.usage); transcriptions also count as voice seconds. */
  recordAi(usage: readonly AiUsage[]): void {
    for (const entry of usage) {
      this.record({ kind: 'openai', usage: entry });
      if (entry.audioSeconds !== undefined) this.count('voice_seconds', entry.audioSeconds);
    }
  }

  count(counter: AnalyticsCounter, by = 1): void {
    if (this.closed || by === 0) return;
    this.counts[counter] = (this.counts[counter] ?? 0) + by;
  }

  /** Several features in one invocation: the weightier one is kept (see functions/domain/cost/features.ts). */
  useFeature(feature: Feature): void {
    if (!this.closed) this.chosenFeature = weightier(this.chosenFeature, feature);
  }

  serveCustomer(waId: string): void {
    if (!this.closed) this.customers.add(waId);
  }

  /** A customer's messages this invocation answers: the customer is served, and their conversation goes on. */
  receivedFrom(waId: string, messages: number): void {
    if (this.closed) return;
    this.customers.add(waId);
    this.inboundByCustomer[waId] = (this.inboundByCustomer[waId] ?? 0) + messages;
    this.count('messages_in', messages);
  }

  close(): void {
    this.closed = true;
  }

  get feature(): string {
    return this.chosenFeature ?? this.defaultFeature;
  }

  get usage(): readonly UsageEvent[] {
    return this.events;
  }

  get analytics(): AnalyticsCounts {
    return { ...this.counts };
  }

  /** The customers served, as the ledger names them. */
  customerRefs(pseudonyms: ReadonlyMap<string, string>): string[] {
    return [...new Set([...this.customers].map((waId) => pseudonyms.get(waId) ?? customerRef(waId)))];
  }

  /** Customer messages answered, by the ledger's pseudonym of the customer. */
  inbound(pseudonyms: ReadonlyMap<string, string>): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [waId, count] of Object.entries(this.inboundByCustomer)) {
      const ref = pseudonyms.get(waId) ?? customerRef(waId);
      counts[ref] = (counts[ref] ?? 0) + count;
    }
    return counts;
  }

  get customerIds(): string[] {
    return [...this.customers];
  }
}
