import { nounFor } from '../../assistant/searchReply';
import { formatTenge } from '../../catalog/tenge';
import { productCard } from '../../replies/productMessages';
import { botText } from '../../texts/botTexts';
import { offlineReply, textAnswer, type PlanAnswerer } from './planContext';

/** «Покажи второй»: the card of the product pointed at, with one thing that goes with it; it becomes the one in focus. */
export const showAnswer: PlanAnswerer<'show'> = async (plan, context) => {
  const { tools, recommender, imageUrlOf } = context.deps;
  const product = await tools.getProduct(plan.productId);
  if (product === undefined) return textAnswer(context, botText(context.turn.language, 'product.missing'), 'product_missing');
  const [complement] = await recommender.complementsFor(product, context.turn.preferences, 1);
  const card = productCard(product, context.turn.language, imageUrlOf, complement ? { complement } : {});
  return offlineReply(context, {
    messages: [card],
    summary: `${product.name}, ${formatTenge(product.price)}`,
    intent: 'product_card',
    productIds: [product.id],
    dialogue: { ...context.state, focus: product.id },
  });
};

/** «Покажи пятый» when four were shown. */
export const beyondAnswer: PlanAnswerer<'beyond'> = async (plan, context) => {
  const { language } = context.turn;
  const what = nounFor(undefined, plan.count, language);
  return textAnswer(context, botText(language, 'dialogue.beyond', { count: plan.count, what }), 'reference_beyond');
};

/** «А он раскладывается?» with a list on screen and nothing picked. */
export const whichAnswer: PlanAnswerer<'which'> = async (_plan, context) =>
  textAnswer(context, botText(context.turn.language, 'dialogue.which'), 'reference_which');

/** A question about «it» before anything was shown. */
export const nothingShownAnswer: PlanAnswerer<'nothingShown'> = async (_plan, context) => {
  const body = botText(context.turn.language, 'dialogue.nothingShown');
  // Nothing the customer could mean: it counts as not understood, like any message the assistant cannot act on.
  return offlineReply(context, { messages: [{ kind: 'text', body }], summary: body, intent: 'reference_nothing', understood: false });
};
