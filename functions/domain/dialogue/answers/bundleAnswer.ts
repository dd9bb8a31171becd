import type { Category, Product } from '../../catalog/product';
import { featureApplies } from '../../catalog/productFeatures';
import { formatTenge } from '../../catalog/tenge';
import { productList } from '../../replies/productMessages';
import { botText } from '../../texts/botTexts';
import { basketLines, type BasketItem } from '../basketLines';
import { offlineReply, textAnswer, type PlanAnswerer, type PlanContext } from './planContext';

// The cheapest few of each item are enough to find a set within a budget; more only multiplies the combinations.
const CANDIDATES = 8;
const CANDIDATES_FOR_MANY = 4;
const MANY_ITEMS = 3;

interface SetOption {
  items: BasketItem[];
  total: number;
  /** How well the pieces go together: one style (2), one colour (1). */
  harmony: number;
}

/**
 * «Стол и 4 стула до 400 тысяч»: one piece of each kind, in the quantities
 * asked, together within the budget, the pieces alike in style and colour
 * where the catalog allows. Within a budget the set that uses it best is
 * chosen; without one, the most harmonious at the lowest price. When no set
 * fits the budget, the cheapest one is shown and said to be over it.
 */
export const bundleAnswer: PlanAnswerer<'bundle'> = async (plan, context) => {
  const { language } = context.turn;
  const wanted = distinctItems(plan.items);
  const limit = wanted.length > MANY_ITEMS ? CANDIDATES_FOR_MANY : CANDIDATES;
  const candidates = await Promise.all(wanted.map((item) => candidatesFor(item.category, plan.filters, limit, context)));
  if (candidates.some((list) => list.length === 0)) return textAnswer(context, botText(language, 'bundle.missing'), 'bundle');
  const options = combinations(
    candidates,
    wanted.map((item) => item.quantity),
  );
  const within = plan.budgetMax === undefined ? options : options.filter((option) => option.total <= plan.budgetMax!);
  const chosen =
    plan.budgetMax === undefined
      ? pick(options, (a, b) => a.harmony - b.harmony || b.total - a.total)
      : within.length > 0
        ? pick(within, (a, b) => a.harmony - b.harmony || a.total - b.total)
        : pick(options, (a, b) => b.total - a.total);
  if (!chosen) return textAnswer(context, botText(language, 'bundle.missing'), 'bundle');
  const { lines, total } = basketLines(chosen.items, language);
  const body =
    within.length > 0
      ? botText(language, 'bundle.found', {
          budget: plan.budgetMax !== undefined ? botText(language, 'search.budget.max', { max: formatTenge(plan.budgetMax) }) : '',
          lines,
          total: formatTenge(total),
        })
      : botText(language, 'bundle.overBudget', { max: formatTenge(plan.budgetMax ?? 0), lines, total: formatTenge(total) });
  const products = chosen.items.map((item) => item.product);
  const { focus: _focus, ...state } = context.state;
  return offlineReply(context, {
    messages: [productList(products, body, language)],
    summary: body,
    intent: 'bundle',
    productIds: products.map((product) => product.id),
    dialogue: {
      ...state,
      shown: products.map((product) => product.id),
      basket: chosen.items.map(({ product, quantity }) => ({ productId: product.id, quantity })),
    },
  });
};

function distinctItems(items: ReadonlyArray<{ category: Category; quantity?: number }>): Array<{ category: Category; quantity: number }> {
  const wanted: Array<{ category: Category; quantity: number }> = [];
  for (const item of items)
    if (!wanted.some((other) => other.category === item.category)) wanted.push({ category: item.category, quantity: item.quantity ?? 1 });
  return wanted;
}

async function candidatesFor(
  category: Category,
  filters: PlanContext['state']['filters'],
  limit: number,
  context: PlanContext,
): Promise<Product[]> {
  const features = filters.features.filter((feature) => featureApplies(feature, category));
  const outcome = await context.deps.tools.searchProducts(
    {
      category,
      ...(filters.color ? { color: filters.color } : {}),
      ...(filters.style ? { style: filters.style } : {}),
      ...(features.length > 0 ? { features } : {}),
      sort: 'price_asc',
    },
    limit * 3,
  );
  // Cheap first, but a spread of styles, so that a matching set can be found.
  const byStyle = new Map<string, Product[]>();
  for (const product of outcome.products) byStyle.set(product.style, [...(byStyle.get(product.style) ?? []), product]);
  const spread: Product[] = [];
  for (let round = 0; spread.length < limit && round < limit; round++) {
    for (const list of byStyle.values()) if (list[round] && spread.length < limit) spread.push(list[round]!);
  }
  return spread;
}

function combinations(candidates: readonly Product[][], quantities: readonly number[]): SetOption[] {
  let partial: BasketItem[][] = [[]];
  candidates.forEach((list, index) => {
    partial = partial.flatMap((items) => list.map((product) => [...items, { product, quantity: quantities[index] ?? 1 }]));
  });
  return partial.map((items) => ({
    items,
    total: items.reduce((sum, { product, quantity }) => sum + product.price * quantity, 0),
    harmony:
      (new Set(items.map(({ product }) => product.style)).size === 1 ? 2 : 0) +
      (new Set(items.map(({ product }) => product.color)).size === 1 ? 1 : 0),
  }));
}

function pick(options: readonly SetOption[], compare: (a: SetOption, b: SetOption) => number): SetOption | undefined {
  return options.reduce<SetOption | undefined>(
    (best, option) => (best === undefined || compare(option, best) > 0 ? option : best),
    undefined,
  );
}
