import { searchIntro } from '../../assistant/searchReply';
import type { ProductFilters, SearchOutcome } from '../../assistant/shoppingTools';
import type { CatalogSort } from '../../catalog/catalogSort';
import { formatTenge } from '../../catalog/tenge';
import { productsMessage } from '../../replies/productMessages';
import { botText, type TextKey } from '../../texts/botTexts';
import { afterShowing, type SearchFilters } from '../dialogueState';
import type { SearchPlan } from '../plan';
import { offlineReply, type PlanAnswerer, type PlanContext } from './planContext';

const SORT_INTRO: Record<CatalogSort, TextKey> = {
  price_asc: 'search.sorted.cheapest',
  price_desc: 'search.sorted.priciest',
  size_desc: 'search.sorted.biggest',
  size_asc: 'search.sorted.smallest',
};

export function productFilters(
  filters: SearchFilters,
  plan: Pick<SearchPlan, 'sort' | 'exclude'>,
  text: string | undefined,
): ProductFilters {
  return {
    ...(text ? { text } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.color ? { color: filters.color } : {}),
    ...(filters.style ? { style: filters.style } : {}),
    ...(filters.budgetMin !== undefined ? { budgetMin: filters.budgetMin } : {}),
    ...(filters.budgetMax !== undefined ? { budgetMax: filters.budgetMax } : {}),
    ...(filters.features.length > 0 ? { features: filters.features } : {}),
    ...(filters.size ? { size: filters.size } : {}),
    ...(plan.sort ? { sort: plan.sort } : {}),
    ...(plan.exclude.length > 0 ? { excludeIds: plan.exclude } : {}),
  };
}

function intro(plan: SearchPlan, outcome: SearchOutcome, filters: ProductFilters, context: PlanContext): string {
  const { language } = context.turn;
  if (outcome.relaxed.length > 0 || outcome.products.length === 0 || plan.intro === 'found') return searchIntro(outcome, filters, language);
  const price = formatTenge(plan.pivotPrice ?? 0);
  switch (plan.intro) {
    case 'sorted':
      return botText(language, SORT_INTRO[plan.sort ?? 'price_asc']);
    case 'cheaper':
      return botText(language, 'search.cheaper', { price });
    case 'pricier':
      return botText(language, 'search.pricier', { price });
    case 'bigger':
      return botText(language, 'search.bigger');
    case 'smaller':
      return botText(language, 'search.smaller');
    case 'more':
      return botText(language, 'search.more');
  }
}

/**
 * A search with the conversation's filters. The customer's words rank the
 * results only on a first search: a follow-up («а в синем?») is about the
 * filters, not about the words «а» and «в».
 */
export const searchAnswer: PlanAnswerer<'search'> = async (plan, context) => {
  const { tools } = context.deps;
  const { language } = context.turn;
  const firstSearch = context.state.filters.category === undefined;
  let searched = plan.filters;
  let sort = plan.sort;
  const filters = productFilters(searched, plan, firstSearch ? context.turn.text : undefined);
  let outcome = await tools.searchProducts(filters);
  const newest = plan.newFeatures ?? [];
  if (outcome.relaxed.includes('features') && newest.length > 0 && newest.length < searched.features.length) {
    // «Круглый есть?» after «раздвижной»: no table is both, so the feature just asked for wins over the earlier one.
    const narrower = { ...searched, features: [...newest] };
    const retry = await tools.searchProducts(productFilters(narrower, plan, undefined));
    if (!retry.relaxed.includes('features') && retry.products.length > 0) {
      searched = narrower;
      outcome = retry;
    }
  }
  let body: string;
  if (outcome.products.length === 0 && plan.intro === 'more') {
    body = botText(language, 'search.noMore');
  } else if ((outcome.products.length === 0 || outcome.relaxed.length > 0) && plan.fallback) {
    // Nothing cheaper (or dearer) than what was shown: the plan's fallback search, in price order, said so.
    searched = plan.fallback.filters;
    sort = plan.fallback.sort;
    outcome = await tools.searchProducts(productFilters(searched, { sort, exclude: [] }, undefined));
    body = outcome.products.length > 0 ? botText(language, `search.${plan.fallback.intro}`) : searchIntro(outcome, filters, language);
  } else {
    body = intro(plan, outcome, filters, context);
  }
  const { products } = outcome;
  const { sort: _previous, ...state } = context.state;
  const kept = plan.keep && searched === plan.filters ? plan.keep : searched;
  const listed = afterShowing(
    { ...state, filters: kept, ...(sort ? { sort } : {}) },
    products.map((product) => product.id),
  );
  // Options cheaper, dearer, bigger or smaller than the product in focus are about it: «к нему» still means it.
  const relative = plan.intro !== 'found' && plan.intro !== 'more' && plan.intro !== 'sorted' && context.screen.focus !== undefined;
  const dialogue = relative && context.state.focus ? { ...listed, focus: context.state.focus } : listed;
  const names = products.map((product) => `${product.name} (${formatTenge(product.price)})`);
  return offlineReply(context, {
    messages: [productsMessage(products, body, language, context.deps.imageUrlOf)],
    summary: names.length > 0 ? `${body} ${names.join('; ')}` : body,
    intent: 'search',
    productIds: products.map((product) => product.id),
    dialogue,
  });
};
