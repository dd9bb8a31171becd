import { describe, expect, it } from 'vitest';
import { summarizeAnalytics } from '../../functions/domain/cost/analyticsSummary';
import { costBy, COST_BREAKDOWNS } from '../../functions/domain/cost/costBreakdown';
import { noCosts, type Costs } from '../../functions/domain/cost/costComponents';
import { conversationCount } from '../../functions/domain/cost/conversations';
import { buildCostReport } from '../../functions/domain/cost/costReport';
import { SEVERAL_CUSTOMERS, type LedgerRow } from '../../functions/domain/cost/ledgerRow';
import { sumUsd } from '../../functions/domain/cost/money';
import { fixturePricing } from './pricingFixture';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 8);

function row(overrides: Partial<Omit<LedgerRow, 'costs'>> & { costs?: Partial<Costs>; atMs?: number }): LedgerRow {
  const { atMs, costs: given, ...rest } = overrides;
  const costs = { ...noCosts(), ...given };
  return {
    at: new Date(atMs ?? T0).toISOString(),
    function: 'consumer',
    requestId: `req-${Math.random()}`,
    feature: 'text',
    region: 'us-east-1',
    pricingVersion: 'test',
    quantities: {},
    analytics: {},
    ...rest,
    costs,
    totalUsd: sumUsd(Object.values(costs)),
  };
}

const rows: LedgerRow[] = [
  row({
    function: 'webhook',
    feature: 'webhook',
    customerRef: 'aaa',
    costs: { lambda: 0.000000323, apiGateway: 0.000001, sqs: 0.0000005 },
  }),
  row({
    customerRef: 'aaa',
    inbound: { aaa: 2 },
    analytics: { messages_in: 2, recommendations_shown: 8, language_ru: 1 },
    costs: { lambda: 0.00002, openai: 0.0004 },
  }),
  row({
    atMs: T0 + HOUR,
    feature: 'interactive',
    customerRef: 'aaa',
    inbound: { aaa: 1 },
    analytics: { messages_in: 1, product_cards_opened: 2, preference_checks: 6, preference_matches: 4 },
    costs: { lambda: 0.00001, dynamodb: 0.000004 },
  }),
  row({
    atMs: T0 + 2 * HOUR,
    feature: 'statuses',
    customerRef: 'bbb',
    costs: { lambda: 0.000002, whatsapp: 0.0077 },
    attributions: [{ component: 'whatsapp', usd: 0.0077, feature: 'alerts', customerRef: 'bbb' }],
    quantities: { whatsappBillable: 1 },
  }),
  row({
    atMs: T0 + 30 * HOUR,
    feature: 'voice',
    customerRef: SEVERAL_CUSTOMERS,
    inbound: { aaa: 1, ccc: 3 },
    analytics: { messages_in: 4, voice_notes: 1, voice_seconds: 90 },
    costs: { lambda: 0.00004, openai: 0.0008 },
  }),
  row({
    atMs: T0 + 31 * HOUR,
    function: 'alert-checker',
    feature: 'alerts',
    analytics: { price_alerts_triggered: 1 },
    costs: { lambda: 0.00003, dynamodb: 0.00001 },
  }),
];

describe('cost breakdowns', () => {
  it('add up to the same total whichever way the ledger is cut', () => {
    const total = sumUsd(rows.map((entry) => entry.totalUsd));
    for (const breakdown of COST_BREAKDOWNS) expect(sumUsd(costBy(rows, breakdown).map((line) => line.usd))).toBe(total);
  });

  it("moves an alert template's charge to the alerts feature and its customer", () => {
    const byFeature = Object.fromEntries(costBy(rows, 'feature').map((line) => [line.key, line.usd]));
    // statuses keep their own Lambda time (0.000002); the 0.0077 template goes to alerts with the job's 0.00004
    expect(byFeature.statuses).toBe(0.000002);
    expect(byFeature.alerts).toBe(0.00774);
    const byCustomer = Object.fromEntries(costBy(rows, 'customer').map((line) => [line.key, line.usd]));
    expect(byCustomer.bbb).toBe(0.007702);
  });

  it('shares a batch that answered several customers by their messages', () => {
    const byCustomer = Object.fromEntries(costBy(rows, 'customer').map((line) => [line.key, line.usd]));
    // the voice batch cost 0.00084: aaa sent 1 of its 4 messages (0.00021), ccc 3 (0.00063)
    expect(byCustomer.ccc).toBe(0.00063);
    // aaa: webhook 0.000001823 + text 0.00042 + tap 0.000014 + its share 0.00021
    expect(byCustomer.aaa).toBe(0.000645823);
    expect(byCustomer['(none)']).toBe(0.00004);
  });
});

describe('conversations', () => {
  it('are one customer’s messages within a 24-hour customer service window', () => {
    // aaa writes at T0 and T0+1h (one window), then at T0+30h: 29 h after the last message, a new window.
    // ccc writes once at T0+30h. bbb only received a message: no conversation.
    expect(conversationCount(rows)).toBe(3);
  });
});

describe('the cost report', () => {
  it('gives cost per conversation and per 1,000 customer messages, the top customers, and the fixed items apart', () => {
    const report = buildCostReport(rows, fixturePricing(), { from: '2026-11-20', to: '2026-11-21' });
    // total: 0.000001823 + 0.00042 + 0.000014 + 0.007702 + 0.00084 + 0.00004 = 0.009017823
    expect(report.totalUsd).toBe(0.009017823);
    expect(report.conversations).toBe(3);
    expect(report.messagesIn).toBe(7);
    expect(report.perConversationUsd).toBeCloseTo(0.009017823 / 3, 12);
    expect(report.perThousandMessagesUsd).toBeCloseTo((0.009017823 * 1000) / 7, 12);
    expect(report.topCustomers.map((line) => line.key)).toEqual(['bbb', 'aaa', 'ccc']);
    expect(report.fixedMonthly.lines.map((line) => line.item)).toContain('kmsKey');
    expect(report.fixedMonthly.totalUsd).toBeGreaterThan(0);
    expect(report.unconfirmedPrices).toEqual([]);
  });
});

describe('usage analytics', () => {
  it('computes click-through rate, preference accuracy, voice minutes and languages', () => {
    const summary = summarizeAnalytics(rows);
    // 2 product cards opened of 8 products shown; 4 of 6 strongest-preference checks matched; 90 s of voice
    expect(summary.clickThroughRate).toBe(0.25);
    expect(summary.preferenceAccuracy).toBeCloseTo(4 / 6, 12);
    expect(summary.voiceMinutes).toBe(1.5);
    expect(summary.counts.price_alerts_triggered).toBe(1);
    expect(summary.languages).toEqual({ ru: 1, kk: 0, en: 0 });
    expect(summary.customers).toBe(2);
  });
});

describe('WhatsApp charges by template', () => {
  it('groups the charges by template and the category Meta billed, not the one the file declares', () => {
    const statuses = (attributions: NonNullable<LedgerRow['attributions']>) =>
      row({
        feature: 'statuses',
        costs: { whatsapp: sumUsd(attributions.map((attribution) => attribution.usd)) },
        attributions,
      });
    const report = buildCostReport(
      [
        ...rows,
        statuses([
          { component: 'whatsapp', usd: 0.0077, feature: 'alerts', template: 'price_alert_notification', category: 'utility' },
          { component: 'whatsapp', usd: 0.0604, feature: 'followups', template: 'new_products_notification', category: 'marketing_lite' },
        ]),
        // The same template after Meta re-categorised it as marketing.
        statuses([{ component: 'whatsapp', usd: 0.0604, feature: 'alerts', template: 'price_alert_notification', category: 'marketing' }]),
      ],
      fixturePricing(),
      { from: '2026-11-20', to: '2026-11-21' },
    );
    expect(report.whatsappTemplates).toEqual([
      { template: 'new_products_notification', category: 'marketing_lite', messages: 1, usd: 0.0604 },
      { template: 'price_alert_notification', category: 'marketing', messages: 1, usd: 0.0604 },
      // A row booked before charges named their template and category.
      { template: '(free-form)', category: 'unknown', messages: 1, usd: 0.0077 },
      { template: 'price_alert_notification', category: 'utility', messages: 1, usd: 0.0077 },
    ]);
  });
});

describe('prices to confirm', () => {
  it('names a rate card in force whose rates are unknown, and which ones', () => {
    const pricing = fixturePricing();
    pricing.whatsapp.KZ[1] = { ...pricing.whatsapp.KZ[1]!, confirmed: false, unknown: ['utility', 'authentication'] };
    const report = buildCostReport(rows, pricing, { from: '2026-11-20', to: '2026-11-21' });
    expect(report.unconfirmedPrices).toEqual([
      'whatsapp.KZ[effectiveFrom 2026-10-01] (utility, authentication unknown: a stand-in figure)',
    ]);
  });
});
