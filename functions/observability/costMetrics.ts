import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { AnalyticsCounter, AnalyticsCounts } from '../domain/cost/analyticsCounters';
import type { LedgerRow } from '../domain/cost/ledgerRow';

export const COST_METRIC = 'CostUsd';
export const COST_ACCOUNTING_FAILED_METRIC = 'CostAccountingFailed';

/**
 * The analytics counters worth a dashboard line. Each is one more custom
 * metric ($0.30 a month per function that emits it), so the rest stay in
 * the ledger, where `zeta analytics report` reads them for free.
 */
export const ANALYTICS_METRICS = {
  messages_in: 'MessagesIn',
  voice_notes: 'VoiceNotes',
  price_alerts_set: 'PriceAlertsSet',
  recommendations_shown: 'RecommendationsShown',
  product_cards_opened: 'ProductCardsOpened',
} as const satisfies Partial<Record<AnalyticsCounter, string>>;

/**
 * CostUsd as an embedded-metric-format line with two dimension sets: per
 * function and feature (a dozen pairs), and per function alone (what the
 * daily cost alarm sums). Published at once, whatever middleware runs next;
 * the analytics counters go with the function's other metrics.
 */
export function publishInvocationMetrics(metrics: Metrics, row: Pick<LedgerRow, 'function' | 'feature' | 'totalUsd' | 'analytics'>): void {
  const cost = metrics.singleMetric();
  cost.addDimensions({ function: row.function, feature: row.feature });
  cost.addDimensions({});
  cost.addMetric(COST_METRIC, MetricUnit.NoUnit, row.totalUsd);
  publishAnalytics(metrics, row.analytics);
}

function publishAnalytics(metrics: Metrics, analytics: AnalyticsCounts): void {
  for (const [counter, name] of Object.entries(ANALYTICS_METRICS) as Array<[AnalyticsCounter, string]>) {
    const value = analytics[counter];
    if (value !== undefined && value > 0) metrics.addMetric(name, MetricUnit.Count, value);
  }
}
