import { LANGUAGES, type Language } from '../language';
import { ANALYTICS_COUNTERS, languageCounter, type AnalyticsCounter } from './analyticsCounters';
import { NO_CUSTOMER } from './costBreakdown';
import { conversationCount, conversationsPerCustomer } from './conversations';
import type { LedgerRow } from './ledgerRow';

export const ANALYTICS_BREAKDOWNS = ['day', 'function', 'feature', 'customer'] as const;
export type AnalyticsBreakdown = (typeof ANALYTICS_BREAKDOWNS)[number];

export interface AnalyticsSummary {
  invocations: number;
  conversations: number;
  /** Distinct customers who wrote. */
  customers: number;
  counts: Record<AnalyticsCounter, number>;
  voiceMinutes: number;
  /** Product cards opened from a list row or button ÷ product rows and buttons shown; undefined when none were shown. */
  clickThroughRate?: number;
  /** Recommended products' matches of the customer's strongest category, colour and style ÷ checks. */
  preferenceAccuracy?: number;
  languages: Record<Language, number>;
}

export function summarizeAnalytics(rows: readonly LedgerRow[]): AnalyticsSummary {
  const counts = Object.fromEntries(ANALYTICS_COUNTERS.map((counter) => [counter, 0])) as Record<AnalyticsCounter, number>;
  for (const row of rows) {
    for (const counter of ANALYTICS_COUNTERS) counts[counter] += row.analytics[counter] ?? 0;
  }
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);
  const clickThroughRate = ratio(counts.product_cards_opened, counts.recommendations_shown);
  const preferenceAccuracy = ratio(counts.preference_matches, counts.preference_checks);
  return {
    invocations: rows.length,
    conversations: conversationCount(rows),
    customers: conversationsPerCustomer(rows).size,
    counts,
    voiceMinutes: counts.voice_seconds / 60,
    ...(clickThroughRate === undefined ? {} : { clickThroughRate }),
    ...(preferenceAccuracy === undefined ? {} : { preferenceAccuracy }),
    languages: Object.fromEntries(LANGUAGES.map((language) => [language, counts[languageCounter(language)]])) as Record<Language, number>,
  };
}

/** The summary per day, function, feature or customer (the customer a row was booked to). */
export function analyticsBy(rows: readonly LedgerRow[], breakdown: AnalyticsBreakdown): Array<{ key: string } & AnalyticsSummary> {
  const groups = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    const key =
      breakdown === 'day'
        ? row.at.slice(0, 10)
        : breakdown === 'function'
          ? row.function
          : breakdown === 'feature'
            ? row.feature
            : (row.customerRef ?? NO_CUSTOMER);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => ({ key, ...summarizeAnalytics(group) }));
}
