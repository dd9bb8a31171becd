import { parseArgs } from 'node:util';
import { InvalidDayError, lastDays, parseDay } from '../../functions/domain/cost/days';
import type { LedgerSource } from './ledgerSource';

export const REPORT_FORMATS = ['table', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const DEFAULT_DAYS = 7;

export class ReportUsageError extends Error {
  override readonly name = 'ReportUsageError';
}

export interface ReportOptions<TBreakdown extends string> {
  from: string;
  to: string;
  by?: TBreakdown;
  format: ReportFormat;
  source: LedgerSource;
}

export function reportOptionsHelp(breakdowns: readonly string[]): string[] {
  return [
    `  --from YYYY-MM-DD   first UTC day (default: ${DEFAULT_DAYS - 1} days before --to)`,
    '  --to YYYY-MM-DD     last UTC day, included (default: today)',
    `  --by KIND           one breakdown: ${breakdowns.join(', ')} (default: a summary with all)`,
    '  --format F          table (default), csv or json',
    '  --local URL         a running `zeta start` (default http://127.0.0.1:$PORT or 3000)',
    "  --table NAME        the deployed table (the stack's TableName output), read with the AWS SDK's",
    '                      credentials from the environment; --region R if not AWS_REGION',
  ];
}

/** Parses the options every report shares; a wrong value is a ReportUsageError naming it. */
export function parseReportOptions<TBreakdown extends string>(
  args: string[],
  breakdowns: readonly TBreakdown[],
): ReportOptions<TBreakdown> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string' },
      local: { type: 'string' },
      table: { type: 'string' },
      region: { type: 'string' },
    },
    strict: true,
  });
  const format = values.format ?? 'table';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new ReportUsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  if (values.by !== undefined && !(breakdowns as readonly string[]).includes(values.by)) {
    throw new ReportUsageError(`--by must be one of ${breakdowns.join(', ')}`);
  }
  if (values.local !== undefined && values.table !== undefined) throw new ReportUsageError('--local and --table exclude each other');

  const fallback = lastDays(DEFAULT_DAYS, values.to === undefined ? Date.now() : dayMs(values.to, '--to'));
  const from = values.from ?? fallback.from;
  const to = values.to ?? fallback.to;
  if (dayMs(from, '--from') > dayMs(to, '--to')) throw new ReportUsageError('--from must be on or before --to');

  const source: LedgerSource =
    values.table !== undefined
      ? { kind: 'table', tableName: values.table, ...(values.region === undefined ? {} : { region: values.region }) }
      : { kind: 'local', url: values.local ?? `http://127.0.0.1:${process.env.PORT ?? 3000}` };
  return { from, to, ...(values.by === undefined ? {} : { by: values.by as TBreakdown }), format: format as ReportFormat, source };
}

function dayMs(day: string, option: string): number {
  try {
    return parseDay(day);
  } catch (error) {
    if (error instanceof InvalidDayError) throw new ReportUsageError(`${option}: ${error.message}`);
    throw error;
  }
}
