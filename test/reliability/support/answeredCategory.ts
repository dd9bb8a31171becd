import type { Category, Product } from '../../../functions/domain/catalog/product';
import { LANGUAGES } from '../../../functions/domain/language';
import { botText } from '../../../functions/domain/texts/botTexts';

/** What the consumer sends on a message's last delivery when its turn keeps failing, before the message goes to the dead-letter queue. */
export const APOLOGY = 'apology';
const APOLOGIES = new Set(LANGUAGES.map((language) => botText(language, 'error.generic')));

/** The ids of the products an outbound Graph body shows: list rows, choice buttons (`product:`) and a card's buttons (`buy:`). */
export function productIdsShown(body: unknown): string[] {
  const interactive = (body as { interactive?: { action?: Record<string, unknown> } }).interactive;
  const action = interactive?.action as
    { sections?: Array<{ rows: Array<{ id: string }> }>; buttons?: Array<{ reply: { id: string } }> } | undefined;
  const ids = [
    ...(action?.sections ?? []).flatMap((section) => section.rows.map((row) => row.id)),
    ...(action?.buttons ?? []).map((button) => button.reply.id),
  ];
  return ids.flatMap((id) => {
    const match = /^(?:product|buy):(.+)$/.exec(id);
    return match ? [match[1]!] : [];
  });
}

/** The one category every product of an answer belongs to, APOLOGY, or a description of why there is neither. */
export function answeredCategory(body: unknown, catalog: ReadonlyMap<string, Product>): Category | string {
  if (APOLOGIES.has((body as { text?: { body?: string } }).text?.body ?? '')) return APOLOGY;
  const ids = productIdsShown(body);
  if (ids.length === 0) return `no products in ${JSON.stringify(body).slice(0, 200)}`;
  const categories = new Set(ids.map((id) => catalog.get(id)?.category ?? `unknown product ${id}`));
  return categories.size === 1 ? [...categories][0]! : `mixed categories ${[...categories].join(', ')}`;
}
