import type { LedgerRow } from '../../functions/domain/cost/ledgerRow';
import { LedgerUnavailableError, readLedger } from './ledgerSource';
import { parseReportOptions, ReportUsageError, type ReportOptions } from './reportOptions';

/**
 * What every ledger report does around its own rendering: parse the shared
 * options, read the ledger's rows for the days, print what `render` makes of
 * them, and turn a wrong option (exit 2) or an unreachable ledger (exit 1)
 * into one line on stderr.
 */
export async function runLedgerReport<TBreakdown extends string>(
  args: string[],
  breakdowns: readonly TBreakdown[],
  render: (options: ReportOptions<TBreakdown>, rows: LedgerRow[]) => string,
): Promise<number> {
  try {
    const options = parseReportOptions(args, breakdowns);
    const rows = await readLedger(options.source, options.from, options.to);
    console.log(render(options, rows));
    return 0;
  } catch (error) {
    if (error instanceof ReportUsageError || error instanceof LedgerUnavailableError) {
      console.error(error.message);
      return error instanceof ReportUsageError ? 2 : 1;
    }
    throw error;
  }
}
