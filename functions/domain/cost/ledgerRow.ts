import type { AnalyticsCounts } from './analyticsCounters';
import type { Costs } from './costComponents';
import type { Attribution, PricedUsage, UsageQuantities } from './costCalculator';

/** The customerRef of an invocation that served more than one customer (a consumer batch of several chats). */
export const SEVERAL_CUSTOMERS = 'several';

/**
 * One Lambda invocation in the cost ledger: what it cost, what it consumed
 * and what happened in it. Never a phone number: customers are hashed refs.
 */
export interface LedgerRow {
  /** ISO time the invocation started. */
  at: string;
  function: string;
  requestId: string;
  feature: string;
  customerRef?: string;
  /** Customer messages answered, per customer (hashed): conversations are counted from these. */
  inbound?: Record<string, number>;
  /** The AWS region whose prices were used. */
  region: string;
  pricingVersion: string;
  costs: Costs;
  totalUsd: number;
  quantities: Partial<UsageQuantities>;
  analytics: AnalyticsCounts;
  /** Charges booked here that belong to another feature or customer (WhatsApp charges of earlier messages). */
  attributions?: Attribution[];
  unpriced?: string[];
}

export interface InvocationRecord {
  startedAt: number;
  functionName: string;
  requestId: string;
  feature: string;
  customerRefs: readonly string[];
  inbound: Readonly<Record<string, number>>;
  analytics: AnalyticsCounts;
  priced: PricedUsage;
  pricingVersion: string;
}

export function ledgerRowOf(record: InvocationRecord): LedgerRow {
  const { priced, customerRefs } = record;
  const customerRef = customerRefs.length === 0 ? undefined : customerRefs.length === 1 ? customerRefs[0] : SEVERAL_CUSTOMERS;
  return {
    at: new Date(record.startedAt).toISOString(),
    function: record.functionName,
    requestId: record.requestId,
    feature: record.feature,
    ...(customerRef === undefined ? {} : { customerRef }),
    ...(Object.keys(record.inbound).length === 0 ? {} : { inbound: { ...record.inbound } }),
    region: priced.pricedAs,
    pricingVersion: record.pricingVersion,
    costs: priced.costs,
    totalUsd: priced.totalUsd,
    quantities: priced.quantities,
    analytics: record.analytics,
    ...(priced.attributions.length === 0 ? {} : { attributions: priced.attributions }),
    ...(priced.unpriced.length === 0 ? {} : { unpriced: priced.unpriced }),
  };
}
