import { bundledPricing } from '../../functions/adapters/cost/bundledPricing';
import { COST_BREAKDOWNS, costBy, type CostBreakdown, type CostLine } from '../../functions/domain/cost/costBreakdown';
import { buildCostReport, type CostReport } from '../../functions/domain/cost/costReport';
import { formatUsd } from '../../functions/domain/cost/money';
import type { Command } from './command';
import { runLedgerReport } from './ledgerReport';
import { describeSource } from './ledgerSource';
import { reportOptionsHelp } from './reportOptions';
import { csv, percent, textTable } from './textTable';

const SECTIONS: ReadonlyArray<readonly [CostBreakdown, string]> = [
  ['component', 'By component'],
  ['function', 'By function'],
  ['feature', 'By feature'],
  ['day', 'By day (UTC)'],
];

function linesTable(title: string, key: string, lines: readonly CostLine[]): string {
  const rows = lines.map((line) => [line.key, formatUsd(line.usd), String(line.invocations)]);
  return `${title}\n${textTable([[key, 'usd', 'invocations'], ...rows], [1, 2])}`;
}

function summaryTable(report: CostReport, source: string, pricingVersion: string): string {
  const { usage } = report;
  const headline = textTable([
    ['Total', formatUsd(report.totalUsd), `${report.invocations} invocations`],
    [
      'Conversations',
      String(report.conversations),
      report.perConversationUsd === undefined ? '' : `${formatUsd(report.perConversationUsd)} each`,
    ],
    [
      'Customer messages',
      String(report.messagesIn),
      report.perThousandMessagesUsd === undefined ? '' : `${formatUsd(report.perThousandMessagesUsd)} per 1,000`,
    ],
    [
      'Click-through rate',
      percent(usage.clickThroughRate),
      `${usage.counts.product_cards_opened} product cards opened of ${usage.counts.recommendations_shown} products shown`,
    ],
  ]);
  const fixed = report.fixedMonthly;
  const sections = [
    `ZETA cost report ${report.from} to ${report.to} (UTC days), ledger: ${source}, pricing ${pricingVersion}`,
    headline,
    ...SECTIONS.map(([breakdown, title]) => linesTable(title, breakdown, report.breakdowns[breakdown])),
    linesTable('Top customers (hashed refs)', 'customer', report.topCustomers),
    `WhatsApp charges by template, at the category Meta billed (status pricing.category)\n${textTable(
      [
        ['template', 'category', 'usd', 'messages'],
        ...report.whatsappTemplates.map((line) => [line.template, line.category, formatUsd(line.usd), String(line.messages)]),
      ],
      [2, 3],
    )}`,
    `Fixed monthly items, ${fixed.region} prices (not in the figures above)\n${textTable(
      [
        ['item', 'quantity', 'usd per month'],
        ...fixed.lines.map((line) => [line.item, String(line.quantity), formatUsd(line.monthlyUsd, 2)]),
        ['total', '', formatUsd(fixed.totalUsd, 2)],
      ],
      [1, 2],
    )}`,
  ];
  if (report.unpriced.length > 0) sections.push(`Usage with no price in data/pricing.json (booked at $0): ${report.unpriced.join(', ')}`);
  if (report.unconfirmedPrices.length > 0) sections.push(`Prices to confirm in data/pricing.json: ${report.unconfirmedPrices.join(', ')}`);
  return sections.join('\n\n');
}

function summaryCsv(report: CostReport): string {
  const rows: Array<Array<string | number>> = [['section', 'key', 'usd', 'count']];
  rows.push(['total', 'all', report.totalUsd, report.invocations]);
  if (report.perConversationUsd !== undefined)
    rows.push(['per_conversation', 'conversations', report.perConversationUsd, report.conversations]);
  if (report.perThousandMessagesUsd !== undefined)
    rows.push(['per_1000_messages', 'messages_in', report.perThousandMessagesUsd, report.messagesIn]);
  for (const breakdown of COST_BREAKDOWNS) {
    for (const line of report.breakdowns[breakdown]) rows.push([breakdown, line.key, line.usd, line.invocations]);
  }
  for (const line of report.whatsappTemplates) {
    rows.push(['whatsapp_template', `${line.template}:${line.category}`, line.usd, line.messages]);
  }
  for (const line of report.fixedMonthly.lines) rows.push(['fixed_monthly', line.item, line.monthlyUsd, line.quantity]);
  return csv(rows);
}

export const costReportCommand: Command = {
  name: 'cost report',
  summary: 'what the assistant cost: by day, function, feature, component and customer',
  help: [
    'zeta cost report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by KIND] [--format table|csv|json] [--local URL | --table NAME [--region R]]',
    '',
    'Reads the cost ledger (one row per Lambda invocation, priced with data/pricing.json when it ran) and',
    "prints totals and breakdowns, cost per conversation (one customer's messages within a 24-hour",
    'customer service window) and per 1,000 customer messages, the top customers by hashed ref, and the',
    'fixed monthly items apart. Amounts in USD to the micro-dollar.',
    '',
    ...reportOptionsHelp(COST_BREAKDOWNS),
  ].join('\n'),
  run: (args) =>
    runLedgerReport(args, COST_BREAKDOWNS, (options, rows) => {
      const pricing = bundledPricing();
      if (options.by !== undefined) {
        const lines = costBy(rows, options.by);
        if (options.format === 'json') return JSON.stringify({ from: options.from, to: options.to, by: options.by, lines }, null, 2);
        if (options.format === 'csv')
          return csv([[options.by, 'usd', 'invocations'], ...lines.map((line) => [line.key, line.usd, line.invocations])]);
        return linesTable(`Cost by ${options.by}, ${options.from} to ${options.to}`, options.by, lines);
      }
      const report = buildCostReport(rows, pricing, options);
      if (options.format === 'json') return JSON.stringify(report, null, 2);
      if (options.format === 'csv') return summaryCsv(report);
      return summaryTable(report, describeSource(options.source), pricing.version);
    }),
};
