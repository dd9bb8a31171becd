import type { Product } from '../../catalog/product';
import { footprintOf } from '../../catalog/productSize';
import { formatTenge } from '../../catalog/tenge';
import { dimensionsText } from '../../replies/dimensionsText';
import { discountPercent, productsMessage, shortTitle } from '../../replies/productMessages';
import { botText } from '../../texts/botTexts';
import { offlineReply, textAnswer, type PlanAnswerer } from './planContext';

const byFirst = <T>(items: readonly T[], better: (a: T, b: T) => boolean): T | undefined =>
  items.reduce<T | undefined>((best, item) => (best === undefined || better(item, best) ? item : best), undefined);

/**
 * «Какой из них лучше?»: a salesperson's honest answer is «смотря что
 * важно», with the facts that tell the products apart: the cheapest, the
 * bestseller, the biggest discount, the largest, the newest.
 */
export const compareAnswer: PlanAnswerer<'compare'> = async (plan, context) => {
  const { language } = context.turn;
  const found = await Promise.all(plan.productIds.map((id) => context.deps.tools.getProduct(id)));
  const products = found.filter((product): product is Product => product !== undefined);
  if (products.length === 0) return textAnswer(context, botText(language, 'dialogue.nothingShown'), 'compare');
  const lines: string[] = [];
  const cheapest = byFirst(products, (a, b) => a.price < b.price);
  if (cheapest) lines.push(botText(language, 'compare.cheapest', { name: shortTitle(cheapest), price: formatTenge(cheapest.price) }));
  const bestseller = products.find((product) => product.tags.includes('hit'));
  if (bestseller) lines.push(botText(language, 'compare.bestseller', { name: shortTitle(bestseller) }));
  const onSale = byFirst(
    products.filter((product) => (discountPercent(product) ?? 0) > 0),
    (a, b) => (discountPercent(a) ?? 0) > (discountPercent(b) ?? 0),
  );
  if (onSale) lines.push(botText(language, 'compare.sale', { name: shortTitle(onSale), discount: discountPercent(onSale) ?? 0 }));
  const largest = byFirst(products, (a, b) => footprintOf(a) > footprintOf(b));
  const sizesDiffer = new Set(products.map(footprintOf)).size > 1;
  const dimensions = largest && dimensionsText(largest, language);
  if (largest && sizesDiffer && dimensions) lines.push(botText(language, 'compare.biggest', { name: shortTitle(largest), dimensions }));
  const newest = products.find((product) => product.tags.includes('new'));
  if (newest) lines.push(botText(language, 'compare.new', { name: shortTitle(newest) }));
  const body = [botText(language, 'compare.intro'), ...lines, botText(language, 'compare.outro')].join('\n');
  return offlineReply(context, {
    messages: [productsMessage(products, body, language, context.deps.imageUrlOf)],
    summary: body,
    intent: 'compare',
    productIds: products.map((product) => product.id),
    dialogue: context.state,
  });
};
