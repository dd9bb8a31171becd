import { ANALYTICS_BREAKDOWNS, analyticsBy, summarizeAnalytics, type AnalyticsSummary } from '../../functions/domain/cost/analyticsSummary';
import { LANGUAGES } from '../../functions/domain/language';
import type { Command } from './command';
import { runLedgerReport } from './ledgerReport';
import { describeSource } from './ledgerSource';
import { reportOptionsHelp } from './reportOptions';
import { csv, percent, textTable } from './textTable';

/** The figures the store looks at, in the order it reads them. */
const FIGURES: ReadonlyArray<readonly [string, (summary: AnalyticsSummary) => string | number]> = [
  ['conversations', (summary) => summary.conversations],
  ['customers', (summary) => summary.customers],
  ['messages in', (summary) => summary.counts.messages_in],
  ['messages out', (summary) => summary.counts.messages_out],
  ['voice notes', (summary) => summary.counts.voice_notes],
  ['voice minutes', (summary) => summary.voiceMinutes.toFixed(2)],
  ['photos', (summary) => summary.counts.photos],
  ['price alerts set', (summary) => summary.counts.price_alerts_set],
  ['price alerts triggered', (summary) => summary.counts.price_alerts_triggered],
  ['products shown', (summary) => summary.counts.recommendations_shown],
  ['product cards opened', (summary) => summary.counts.product_cards_opened],
  ['click-through rate', (summary) => percent(summary.clickThroughRate)],
  ['preference accuracy', (summary) => percent(summary.preferenceAccuracy)],
  ...LANGUAGES.map((language) => [`language ${language}`, (summary: AnalyticsSummary) => summary.languages[language]] as const),
];

const DEFINITIONS = [
  'conversation: one customer’s messages within a 24-hour customer service window (a message more than 24 h after their last starts a new one)',
  'click-through rate: product cards opened by tapping a product row or button ÷ product rows and buttons sent',
  'preference accuracy: of the recommended products, checks against the customer’s strongest category, colour and style that match',
];

export const analyticsReportCommand: Command = {
  name: 'analytics report',
  summary: 'how customers use the assistant: voice, alerts, click-through, preferences, languages',
  help: [
    'zeta analytics report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by KIND] [--format table|csv|json] [--local URL | --table NAME [--region R]]',
    '',
    'Reads the analytics counters kept with each ledger row: conversations, messages, voice notes and',
    'minutes, photos, price alerts set and triggered, recommendation click-through rate, preference',
    'accuracy and languages.',
    ...DEFINITIONS.map((line) => `  ${line}`),
    '',
    ...reportOptionsHelp(ANALYTICS_BREAKDOWNS),
  ].join('\n'),
  run: (args) =>
    runLedgerReport(args, ANALYTICS_BREAKDOWNS, (options, rows) => {
      const groups = options.by === undefined ? [{ key: 'all', ...summarizeAnalytics(rows) }] : analyticsBy(rows, options.by);
      if (options.format === 'json')
        return JSON.stringify({ from: options.from, to: options.to, ...(options.by ? { by: options.by } : {}), groups }, null, 2);
      const header = [options.by ?? '', ...FIGURES.map(([name]) => name)];
      const lines = groups.map((group) => [group.key, ...FIGURES.map(([, value]) => String(value(group)))]);
      if (options.format === 'csv') return csv([header, ...lines]);
      const title = `ZETA analytics ${options.from} to ${options.to} (UTC days), ledger: ${describeSource(options.source)}`;
      // One group reads best as a list of figures; several as a table with a row each.
      const body =
        groups.length === 1 && options.by === undefined
          ? textTable(
              FIGURES.map(([name, value]) => [name, String(value(groups[0]!))]),
              [1],
            )
          : textTable([header, ...lines], header.map((_, column) => column).slice(1));
      return [title, body, DEFINITIONS.join('\n')].join('\n\n');
    }),
};
