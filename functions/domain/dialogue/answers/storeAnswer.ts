import { workingHoursText } from '../../handoff/workingHoursText';
import { storeFactAbout } from '../../store/storeFacts';
import type { StoreTopic } from '../../store/storeTopics';
import { botText } from '../../texts/botTexts';
import { offlineReply, textAnswer, type PlanAnswerer } from './planContext';

// The manager's lead names the question in the store's working language.
const TOPIC_FOR_MANAGER = {
  order: 'как оформить заказ',
  delivery: 'доставка',
  assembly: 'сборка и подъём',
  payment: 'оплата',
  instalment: 'рассрочка',
  stock: 'наличие',
  returns: 'возврат и обмен',
  warranty: 'гарантия',
  showroom: 'шоурум, где посмотреть вживую',
  hours: 'часы работы',
  prices: 'цены и скидки',
} as const satisfies Record<StoreTopic, string>;

/**
 * A question about the store, answered with the store's own fact for it
 * (templates/prompts/storeFacts.json, the model's source too); the hours
 * from the configured working hours; the showrooms from their list (the one
 * a shared location is answered with); anything else goes to a person, or,
 * with no one to hand to, the customer learns when staff read this chat.
 */
export const storeAnswer: PlanAnswerer<'storeQuestion'> = async (plan, context) => {
  const { language } = context.turn;
  if (plan.topic === 'hours') {
    return textAnswer(context, botText(language, 'store.hours', { hours: workingHoursText(language, context.deps.hours) }), 'store_hours');
  }
  if (plan.topic === 'showroom' && context.deps.showrooms.length > 0) {
    const rows = context.deps.showrooms.map((showroom, index) =>
      botText(language, 'location.row', {
        index: index + 1,
        name: showroom.name,
        address: showroom.address,
        hours: showroom.hours,
        distance: '',
      }),
    );
    return textAnswer(context, [botText(language, 'location.introUnsorted'), ...rows].join('\n'), 'store_showroom');
  }
  const fact = storeFactAbout(plan.topic, language);
  if (fact !== undefined) return textAnswer(context, fact, `store_${plan.topic}`);
  const body = botText(language, 'store.unknown');
  return {
    ...offlineReply(context, { messages: [{ kind: 'text', body }], summary: body, intent: `store_${plan.topic}` }),
    handoffRequested: true,
    handoffReason: 'question',
    handoffSubject: `Вопрос: ${TOPIC_FOR_MANAGER[plan.topic]}`,
  };
};
