import type { CostLedger } from '../domain/cost/costLedger';
import type { LedgerRow } from '../domain/cost/ledgerRow';

/** The field of a log line that carries a ledger row: the stack's subscription filter matches on it. */
export const LEDGER_ROW_FIELD = 'ledgerRow';
/** The subscription filter's JSON path of that field, as CloudWatch Logs filter patterns spell it. */
export const LEDGER_ROW_FILTER_PATH = `$.${LEDGER_ROW_FIELD}.requestId`;

/**
 * The ledger of the functions a caller waits for (the webhook, catalog
 * pictures): the row goes to the function's log as one JSON line, and a
 * CloudWatch Logs subscription hands it to the ledger writer, so no database
 * write sits between Meta's POST and its 200. Writing to stdout is the
 * runtime's own buffer: it does not wait for CloudWatch.
 */
export class LoggedCostLedger implements Pick<CostLedger, 'append'> {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(line)) {}

  async append(row: LedgerRow): Promise<void> {
    this.write(`${JSON.stringify({ message: 'cost ledger row', [LEDGER_ROW_FIELD]: row })}\n`);
  }
}
