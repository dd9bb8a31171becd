import { workingHoursText } from '../../handoff/workingHoursText';
import { botText } from '../../texts/botTexts';
import { basketOf, type BasketItem } from '../basketLines';
import { orderRequest } from '../orderRequest';
import { offlineReply, textAnswer, type PlanAnswerer } from './planContext';

/**
 * «Беру», «как заказать?», the 🛒 button: the choice is confirmed with its
 * price and a person is called to place the order (the conversation hands
 * off, or, with no manager, tells the customer exactly what to send and when
 * staff will confirm). Without a product on screen, the set put together is
 * ordered, or the customer is asked which.
 */
export const buyAnswer: PlanAnswerer<'buy'> = async (plan, context) => {
  const { language } = context.turn;
  const { tools } = context.deps;
  const chosen = plan.productId ? await tools.getProduct(plan.productId) : undefined;
  const items: BasketItem[] = chosen
    ? [{ product: chosen, quantity: 1 }]
    : await basketOf(context.state.basket, (id) => tools.getProduct(id));
  if (items.length === 0) return textAnswer(context, botText(language, 'order.which'), 'buy_which');
  const { body, subject } = orderRequest(items, language);
  return {
    ...offlineReply(context, {
      messages: [{ kind: 'text', body }],
      summary: body,
      intent: 'buy',
      productIds: items.map(({ product }) => product.id),
      dialogue: {
        ...context.state,
        basket: items.map(({ product, quantity }) => ({ productId: product.id, quantity })),
        ...(chosen ? { focus: chosen.id } : {}),
      },
    }),
    handoffRequested: true,
    handoffReason: 'purchase',
    handoffSubject: subject,
  };
};

/** The city, address and payment, sent after the instructions: noted, and when staff confirm it. */
export const orderDetailsAnswer: PlanAnswerer<'orderDetails'> = async (_plan, context) => {
  const { language } = context.turn;
  const hours = workingHoursText(language, context.deps.hours);
  return textAnswer(context, botText(language, 'order.detailsNoted', { hours }), 'order_details', {
    ...context.state,
    awaitingOrderDetails: false,
  });
};
