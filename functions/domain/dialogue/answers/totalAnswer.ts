import { formatTenge } from '../../catalog/tenge';
import { botText } from '../../texts/botTexts';
import { basketLines, basketOf } from '../basketLines';
import { textAnswer, type PlanAnswerer } from './planContext';

/** «Сколько всего выйдет?»: the set or order being put together, else the product in focus, added up. */
export const totalAnswer: PlanAnswerer<'total'> = async (_plan, context) => {
  const { language } = context.turn;
  const getProduct = (id: string) => context.deps.tools.getProduct(id);
  const basket = await basketOf(context.state.basket, getProduct);
  const focus = context.state.focus ? await getProduct(context.state.focus) : undefined;
  const items = basket.length > 0 ? basket : focus ? [{ product: focus, quantity: 1 }] : [];
  if (items.length === 0) return textAnswer(context, botText(language, 'total.nothing'), 'total');
  const { lines, total } = basketLines(items, language);
  return textAnswer(context, botText(language, 'total.sum', { total: formatTenge(total), lines }), 'total');
};
