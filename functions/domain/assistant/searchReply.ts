import { formatTenge } from '../catalog/tenge';
import type { Category } from '../catalog/product';
import type { Language } from '../language';
import type { ImageUrlResolver } from '../replies/productMessages';
import { productsMessage } from '../replies/productMessages';
import { botText } from '../texts/botTexts';
import { pluralForm } from '../texts/plural';
import type { AssistantReply } from './assistantReply';
import type { ProductFilters, SearchOutcome } from './shoppingTools';

function budgetPhrase(filters: ProductFilters, language: Language): string {
  const { budgetMin: min, budgetMax: max } = filters;
  if (min !== undefined && max !== undefined) {
    return botText(language, 'search.budget.range', { min: formatTenge(min), max: formatTenge(max) });
  }
  if (max !== undefined) return botText(language, 'search.budget.max', { max: formatTenge(max) });
  if (min !== undefined) return botText(language, 'search.budget.min', { min: formatTenge(min) });
  return '';
}

export function nounFor(category: Category | undefined, count: number, language: Language): string {
  return pluralForm(language, count, botText(language, category ? `noun.${category}` : 'noun.default'));
}

/** Words the customer reads above the products: how many, of what, within which budget. */
export function searchIntro(outcome: SearchOutcome, filters: ProductFilters, language: Language): string {
  const count = outcome.products.length;
  const budget = budgetPhrase(filters, language);
  if (count === 0) return botText(language, 'search.none', { budget });
  if (outcome.relaxed.length > 0) return botText(language, 'search.relaxed');
  if (count === 1) return botText(language, 'search.found.one', { budget });
  if (count <= 3) return botText(language, 'search.found.few', { budget });
  return botText(language, 'search.found', { count, what: nounFor(filters.category, count, language), budget });
}

export function searchReply(
  outcome: SearchOutcome,
  filters: ProductFilters,
  language: Language,
  imageUrlOf: ImageUrlResolver,
  intent: string,
  /** Words to use instead of the usual "Нашла N …" when the search matched as asked. */
  exactIntro?: string,
): AssistantReply {
  const exact = outcome.products.length > 0 && outcome.relaxed.length === 0;
  const intro = exact && exactIntro !== undefined ? exactIntro : searchIntro(outcome, filters, language);
  const names = outcome.products.map((product) => `${product.name} (${formatTenge(product.price)})`);
  return {
    messages: [productsMessage(outcome.products, intro, language, imageUrlOf)],
    language,
    summary: names.length > 0 ? `${intro} ${names.join('; ')}` : intro,
    intent,
    productIds: outcome.products.map((product) => product.id),
  };
}
