import { categoryMenu } from '../../replies/categoryMenu';
import { productsMessage } from '../../replies/productMessages';
import { botText } from '../../texts/botTexts';
import { searchAnswer } from './searchAnswer';
import { offlineReply, textAnswer, type PlanAnswerer } from './planContext';

export const greetingAnswer: PlanAnswerer<'greeting'> = async (_plan, context) => {
  const { language, customer } = context.turn;
  const body = botText(language, 'welcome', { name: customer.name ? `, ${customer.name}` : '' });
  return offlineReply(context, { messages: [categoryMenu(language, body)], summary: body, intent: 'greeting' });
};

export const helpAnswer: PlanAnswerer<'help'> = async (_plan, context) =>
  textAnswer(context, botText(context.turn.language, 'help'), 'help');

/** «Что посоветуете?»: the customer's taste and what they opened; a plain search when there is nothing to go on. */
export const recommendAnswer: PlanAnswerer<'recommend'> = async (plan, context) => {
  const { language, preferences, viewedProductIds, understanding } = context.turn;
  const category = plan.category ?? understanding.category;
  const products = await context.deps.recommender.recommend({ preferences, viewedProductIds, ...(category ? { category } : {}) });
  if (products.length === 0) {
    return searchAnswer(
      { kind: 'search', filters: { features: [], ...(category ? { category } : {}) }, intro: 'found', exclude: [] },
      context,
    );
  }
  const intro = botText(language, 'recommend.intro');
  return offlineReply(context, {
    messages: [productsMessage(products, intro, language, context.deps.imageUrlOf)],
    summary: `${intro} ${products.map((product) => product.name).join('; ')}`,
    intent: 'recommend',
    productIds: products.map((product) => product.id),
    dialogue: {
      ...context.state,
      ...(category ? { filters: { features: [], category } } : {}),
      shown: products.slice(0, 10).map((product) => product.id),
    },
  });
};

/** Nothing the assistant knows how to answer: said so, and counted; a few in a row call a person. */
export const notUnderstoodAnswer: PlanAnswerer<'notUnderstood'> = async (_plan, context) => {
  const body = botText(context.turn.language, 'offtopic');
  return offlineReply(context, {
    messages: [{ kind: 'text', body }],
    summary: body,
    intent: context.turn.understanding.intent,
    understood: false,
  });
};
