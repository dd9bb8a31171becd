import type { Color } from '../../catalog/product';
import { botText } from '../../texts/botTexts';
import { textAnswer, type PlanAnswerer } from './planContext';
import { productFilters } from './searchAnswer';

/** Enough to see every colour of a section: the whole catalog has a few hundred products. */
const COLOR_SCAN_LIMIT = 1_000;

/**
 * «А в другом цвете есть?»: the colours the search has besides the one on
 * screen, those with the most products first, and a question which to show.
 * The search is kept without its colour, so the colour named next («синий»)
 * narrows it again.
 */
export const otherColorsAnswer: PlanAnswerer<'otherColors'> = async (plan, context) => {
  const { language } = context.turn;
  const outcome = await context.deps.tools.searchProducts(productFilters(plan.filters, { exclude: [] }, undefined), COLOR_SCAN_LIMIT);
  const counts = new Map<Color, number>();
  // A relaxed search is another search: its colours are not this one's.
  if (outcome.relaxed.length === 0) {
    for (const product of outcome.products)
      if (product.color !== plan.except) counts.set(product.color, (counts.get(product.color) ?? 0) + 1);
  }
  const colors = [...counts].sort((a, b) => b[1] - a[1]).map(([color]) => botText(language, `color.${color}`));
  const dialogue = { ...context.state, filters: plan.filters };
  const body =
    colors.length > 0 ? botText(language, 'search.otherColors', { colors: colors.join(', ') }) : botText(language, 'search.noOtherColors');
  return textAnswer(context, body, 'other_colors', dialogue);
};
