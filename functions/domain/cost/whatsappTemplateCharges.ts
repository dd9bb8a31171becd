import type { LedgerRow } from './ledgerRow';
import { fromNanos, toNanos } from './money';

/** What the messages of one template cost, at the category Meta billed them in. */
export interface TemplateChargeLine {
  /** The template's name; free-form messages WhatsApp billed (a reply outside the window) are `(free-form)`. */
  template: string;
  /** `pricing.category` of the messages' statuses: utility, marketing, marketing_lite… */
  category: string;
  messages: number;
  usd: number;
}

export const FREE_FORM = '(free-form)';

/**
 * WhatsApp's charges by template and by the category Meta reported in each
 * message's status, not the one the template file declares: a template Meta
 * re-categorised from utility to marketing shows here at its new price.
 */
export function whatsappChargesByTemplate(rows: readonly LedgerRow[]): TemplateChargeLine[] {
  const lines = new Map<string, { template: string; category: string; messages: number; nanos: number }>();
  for (const row of rows) {
    for (const attribution of row.attributions ?? []) {
      if (attribution.component !== 'whatsapp') continue;
      const template = attribution.template ?? FREE_FORM;
      const category = attribution.category ?? 'unknown';
      const key = `${template}\u0000${category}`;
      const line = lines.get(key) ?? { template, category, messages: 0, nanos: 0 };
      line.messages += 1;
      line.nanos += toNanos(attribution.usd);
      lines.set(key, line);
    }
  }
  return [...lines.values()]
    .map(({ nanos, ...line }) => ({ ...line, usd: fromNanos(nanos) }))
    .sort((a, b) => b.usd - a.usd || a.template.localeCompare(b.template));
}
