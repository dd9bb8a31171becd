import type { LedgerRow } from './ledgerRow';

/** Where invocations' costs are kept for finance: one row per invocation, read back by UTC day. */
export interface CostLedger {
  append(row: LedgerRow): Promise<void>;
  /** Every row of the UTC days from `from` to `to` (YYYY-MM-DD, both included), oldest first. */
  rowsBetween(from: string, to: string): Promise<LedgerRow[]>;
}
