import type { Category, Product } from '../../catalog/product';
import { formatTenge } from '../../catalog/tenge';
import { fittingSize } from '../../recommendations/complementFit';
import { COMPLEMENTS } from '../../recommendations/complements';
import { productSections, productsMessage, shortTitle } from '../../replies/productMessages';
import { botText } from '../../texts/botTexts';
import { offlineReply, textAnswer, type PlanAnswerer, type PlanContext } from './planContext';

const ONE_KIND_LIMIT = 10;
const PER_KIND = 3;
const KINDS = 3;

/**
 * «А что к нему подойдёт?», «матрас к ней»: pieces of another kind that go
 * with the product in focus: the same style, the same colour where there is
 * one, and the size that fits (a bed's mattress is its sleeping place). The
 * product stays in focus, so «а сколько всего?» still adds it up.
 */
export const complementAnswer: PlanAnswerer<'complement'> = async (plan, context) => {
  const { language } = context.turn;
  const anchor = await context.deps.tools.getProduct(plan.anchorId);
  if (anchor === undefined) return textAnswer(context, botText(language, 'product.missing'), 'product_missing');
  const kinds: readonly Category[] = plan.category ? [plan.category] : COMPLEMENTS[anchor.category].slice(0, KINDS);
  const limit = kinds.length === 1 ? ONE_KIND_LIMIT : PER_KIND;
  const groups = await Promise.all(
    kinds.map(async (category) => ({ category, products: await matching(anchor, category, limit, context) })),
  );
  const products = groups.flatMap((group) => group.products);
  const name = shortTitle(anchor);
  if (products.length === 0) return textAnswer(context, botText(language, 'complement.none', { name }), 'complement');
  const size = kinds.length === 1 ? fittingSize(anchor, kinds[0]!) : undefined;
  const intro =
    size?.kind === 'sleep'
      ? botText(language, 'complement.sized', { name, size: `${size.width}×${size.length ?? ''}`.replace(/×$/u, '') })
      : botText(language, 'complement.intro', { name });
  const message =
    kinds.length === 1
      ? productsMessage(products, intro, language, context.deps.imageUrlOf)
      : productSections(
          groups.map((group) => ({ title: botText(language, `category.${group.category}`), products: group.products })),
          intro,
          language,
        );
  const single = kinds.length === 1 ? kinds[0] : undefined;
  return offlineReply(context, {
    messages: [message],
    summary: `${intro} ${products.map((product) => `${product.name} (${formatTenge(product.price)})`).join('; ')}`,
    intent: 'complement',
    productIds: products.map((product) => product.id),
    dialogue: {
      ...context.state,
      // One kind asked for becomes the search a follow-up refines («а подешевле?» among the mattresses).
      ...(single ? { filters: { features: [], category: single, ...(size ? { size } : {}) } } : {}),
      shown: products.map((product) => product.id).slice(0, ONE_KIND_LIMIT),
      focus: anchor.id,
    },
  });
};

async function matching(anchor: Product, category: Category, limit: number, context: PlanContext): Promise<Product[]> {
  const size = fittingSize(anchor, category);
  const found: Product[] = [];
  const attempts = [{ style: anchor.style, color: anchor.color }, { style: anchor.style }, {}];
  for (const attempt of attempts) {
    const outcome = await context.deps.tools.searchProducts({ category, ...attempt, ...(size ? { size } : {}) }, limit);
    // A size the search had to drop is a mattress that does not fit: none is better.
    if (outcome.relaxed.includes('size')) continue;
    for (const product of outcome.products)
      if (!found.some((other) => other.id === product.id) && found.length < limit) found.push(product);
    if (found.length >= limit) break;
  }
  return found;
}
