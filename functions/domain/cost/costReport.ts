import { summarizeAnalytics, type AnalyticsSummary } from './analyticsSummary';
import { costBy, NO_CUSTOMER, type CostBreakdown, type CostLine } from './costBreakdown';
import { COST_COMPONENTS, type Costs } from './costComponents';
import type { LedgerRow } from './ledgerRow';
import { fromNanos, sumUsd, toNanos } from './money';
import { costOf, regionalPrices } from './priceLookup';
import type { MonthlyItem, Pricing } from './pricingSchema';
import { whatsappChargesByTemplate, type TemplateChargeLine } from './whatsappTemplateCharges';

const TOP_CUSTOMERS = 10;

export interface FixedMonthlyLine {
  item: MonthlyItem;
  quantity: number;
  unit: string;
  monthlyUsd: number;
  note?: string;
}

export interface CostReport {
  from: string;
  to: string;
  invocations: number;
  /** The sum of every row's components: what the period's traffic cost. */
  totalUsd: number;
  components: Costs;
  breakdowns: Record<CostBreakdown, CostLine[]>;
  conversations: number;
  /** Customer messages answered (the consumer's inbound messages). */
  messagesIn: number;
  perConversationUsd?: number;
  perThousandMessagesUsd?: number;
  topCustomers: CostLine[];
  usage: AnalyticsSummary;
  /** WhatsApp's charges by template, at the category Meta billed each message in. */
  whatsappTemplates: TemplateChargeLine[];
  /** Monthly bills that do not grow with traffic, at the region's prices: reported apart, never in the figures above. */
  fixedMonthly: { region: string; lines: FixedMonthlyLine[]; totalUsd: number };
  /** Usage the pricing file has no price for (booked at zero). */
  unpriced: string[];
  /** Prices in force for the period that the pricing file marks as not confirmed. */
  unconfirmedPrices: string[];
}

/**
 * Finance's view of a period of the ledger: totals by component, each
 * breakdown, cost per conversation and per 1,000 customer messages (the
 * whole variable cost of the period divided by either), top customers by
 * their hashed ref, and the fixed monthly items apart.
 */
export function buildCostReport(rows: readonly LedgerRow[], pricing: Pricing, period: { from: string; to: string }): CostReport {
  const components = Object.fromEntries(
    COST_COMPONENTS.map((component) => [component, sumUsd(rows.map((row) => row.costs[component]))]),
  ) as Costs;
  const totalUsd = sumUsd(Object.values(components));
  const usage = summarizeAnalytics(rows);
  const messagesIn = usage.counts.messages_in;
  const breakdowns = {
    day: costBy(rows, 'day'),
    function: costBy(rows, 'function'),
    feature: costBy(rows, 'feature'),
    component: costBy(rows, 'component'),
    customer: costBy(rows, 'customer'),
  };
  const region = mostUsedRegion(rows) ?? pricing.defaultRegion;
  return {
    ...period,
    invocations: rows.length,
    totalUsd,
    components,
    breakdowns,
    conversations: usage.conversations,
    messagesIn,
    ...(usage.conversations > 0 ? { perConversationUsd: totalUsd / usage.conversations } : {}),
    ...(messagesIn > 0 ? { perThousandMessagesUsd: (totalUsd * 1000) / messagesIn } : {}),
    topCustomers: breakdowns.customer.filter((line) => line.key !== NO_CUSTOMER).slice(0, TOP_CUSTOMERS),
    usage,
    whatsappTemplates: whatsappChargesByTemplate(rows),
    fixedMonthly: fixedMonthlyOf(pricing, region),
    unpriced: [...new Set(rows.flatMap((row) => row.unpriced ?? []))].sort(),
    unconfirmedPrices: unconfirmedPrices(pricing, rows, period),
  };
}

function mostUsedRegion(rows: readonly LedgerRow[]): string | undefined {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.region, (counts.get(row.region) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function fixedMonthlyOf(pricing: Pricing, region: string): CostReport['fixedMonthly'] {
  const { pricedAs, prices } = regionalPrices(pricing, region);
  const lines = pricing.fixedMonthly.map(({ item, quantity, note }) => {
    const price = prices.monthly[item];
    return {
      item,
      quantity,
      unit: price.unit,
      monthlyUsd: fromNanos(toNanos(costOf(price, quantity))),
      ...(note === undefined ? {} : { note }),
    };
  });
  return { region: pricedAs, lines, totalUsd: sumUsd(lines.map((line) => line.monthlyUsd)) };
}

/** Named as in the pricing file, so finance knows which entry to re-read. */
function unconfirmedPrices(pricing: Pricing, rows: readonly LedgerRow[], period: { from: string; to: string }): string[] {
  const names: string[] = [];
  for (const region of new Set(rows.map((row) => row.region))) {
    const prices = pricing.aws[region];
    if (prices === undefined) continue;
    for (const [name, entry] of Object.entries(prices)) {
      const entries =
        'usd' in entry ? { [name]: entry } : Object.fromEntries(Object.entries(entry).map(([inner, price]) => [`${name}.${inner}`, price]));
      for (const [entryName, price] of Object.entries(entries)) if (!price.confirmed) names.push(`aws.${region}.${entryName}`);
    }
  }
  const charged = rows.some((row) => (row.quantities.whatsappBillable ?? 0) > 0);
  for (const [market, cards] of Object.entries(pricing.whatsapp)) {
    cards.forEach((card, index) => {
      const until = cards[index + 1]?.effectiveFrom;
      const inForce = card.effectiveFrom <= period.to && (until === undefined || until > period.from);
      const unknown = card.unknown.length === 0 ? '' : ` (${card.unknown.join(', ')} unknown: a stand-in figure)`;
      if (charged && inForce && !card.confirmed) names.push(`whatsapp.${market}[effectiveFrom ${card.effectiveFrom}]${unknown}`);
    });
  }
  return names;
}
