import { COST_COMPONENTS } from './costComponents';
import { SEVERAL_CUSTOMERS, type LedgerRow } from './ledgerRow';
import { fromNanos, toNanos } from './money';

export const COST_BREAKDOWNS = ['day', 'function', 'feature', 'component', 'customer'] as const;
export type CostBreakdown = (typeof COST_BREAKDOWNS)[number];

/** The bucket of invocations that served no one customer in particular (the daily price check, a catalog picture). */
export const NO_CUSTOMER = '(none)';

export interface CostLine {
  key: string;
  usd: number;
  /** Invocations booked to this line (for a component: invocations that used it). */
  invocations: number;
}

/** Whole nano-dollars per key, so the lines of every breakdown add up exactly to the total. */
class Tally {
  private readonly nanos = new Map<string, number>();
  private readonly invocations = new Map<string, number>();

  add(key: string, nanos: number, invocations = 0): void {
    this.nanos.set(key, (this.nanos.get(key) ?? 0) + nanos);
    this.invocations.set(key, (this.invocations.get(key) ?? 0) + invocations);
  }

  lines(order: 'cost' | 'key'): CostLine[] {
    const lines = [...this.nanos].map(([key, nanos]) => ({ key, usd: fromNanos(nanos), invocations: this.invocations.get(key) ?? 0 }));
    return order === 'key'
      ? lines.sort((a, b) => a.key.localeCompare(b.key))
      : lines.sort((a, b) => b.usd - a.usd || a.key.localeCompare(b.key));
  }
}

/**
 * The ledger's cost broken down one way. Charges a row books for another
 * feature or customer (its attributions) move to that feature or customer;
 * a consumer batch that answered several customers is shared among them by
 * their messages. Every breakdown adds up to the same total.
 */
export function costBy(rows: readonly LedgerRow[], breakdown: CostBreakdown): CostLine[] {
  const tally = new Tally();
  for (const row of rows) {
    const total = toNanos(row.totalUsd);
    switch (breakdown) {
      case 'day':
        tally.add(row.at.slice(0, 10), total, 1);
        break;
      case 'function':
        tally.add(row.function, total, 1);
        break;
      case 'component':
        for (const component of COST_COMPONENTS) {
          const nanos = toNanos(row.costs[component]);
          tally.add(component, nanos, nanos > 0 ? 1 : 0);
        }
        break;
      case 'feature': {
        let own = total;
        for (const attribution of row.attributions ?? []) {
          tally.add(attribution.feature, toNanos(attribution.usd));
          own -= toNanos(attribution.usd);
        }
        tally.add(row.feature, own, 1);
        break;
      }
      case 'customer':
        addCustomerShares(tally, row, total);
        break;
    }
  }
  return tally.lines(breakdown === 'day' ? 'key' : 'cost');
}

function addCustomerShares(tally: Tally, row: LedgerRow, total: number): void {
  let own = total;
  for (const attribution of row.attributions ?? []) {
    if (attribution.customerRef === undefined) continue;
    tally.add(attribution.customerRef, toNanos(attribution.usd));
    own -= toNanos(attribution.usd);
  }
  const shares = Object.entries(row.inbound ?? {});
  if (row.customerRef !== SEVERAL_CUSTOMERS || shares.length === 0) {
    tally.add(row.customerRef ?? NO_CUSTOMER, own, 1);
    return;
  }
  const messages = shares.reduce((sum, [, count]) => sum + count, 0);
  let left = own;
  shares.forEach(([customer, count], index) => {
    const share = index === shares.length - 1 ? left : Math.floor((own * count) / messages);
    left -= share;
    tally.add(customer, share, 1);
  });
}
