import type { TemplateCategory } from './templateCategoryNames';

export { TEMPLATE_CATEGORIES, type TemplateCategory } from './templateCategoryNames';

export interface CategoryJudgement {
  category: TemplateCategory;
  /** Why, quoting the words that decided it: what `zeta templates status` shows. */
  reason: string;
}

interface Signal {
  pattern: RegExp;
  what: string;
}

/**
 * What Meta's template category guidelines call promotional: an offer, a
 * discount, a call to buy, news of products the customer did not ask about
 * (developers.facebook.com/documentation/business-messaging/whatsapp/templates/
 * template-categorization). Any of them in a UTILITY submission gets it
 * approved as MARKETING (since 9 April 2025), or re-categorised later.
 */
const PROMOTIONAL: readonly Signal[] = [
  { pattern: /%|процент|пайыз|percent/iu, what: 'a percentage, read as a discount' },
  { pattern: /скидк\p{L}*|жеңілдік\p{L}*|discount\p{L}*|\bsale\b|распродаж\p{L}*|акци[яиюей]\p{L}*/iu, what: 'a discount or sale' },
  { pattern: /купи\p{L}*|сатып\s+ал\p{L}*|\bbuy\b|shop now|order now|закажите/iu, what: 'a call to buy' },
  { pattern: /промокод\p{L}*|купон\p{L}*|coupon|promo\p{L}*|подар\p{L}*|сыйлық\p{L}*|\bgift\b|бонус\p{L}*/iu, what: 'an offer' },
  { pattern: /новинк\p{L}*|жаңа\s+тауар\p{L}*|new arrivals?|what's new/iu, what: 'news of new products' },
  { pattern: /успейте|только сегодня|асығыңыз|hurry|last chance|limited time/iu, what: 'urgency to buy' },
];

/** Utility must be the customer's own business: their order, their request, an alert they switched on. */
const OWN_BUSINESS: readonly Signal[] = [
  { pattern: /вы включили|қосқансыз|you turned on|you switched on/iu, what: 'the alert the customer switched on' },
  { pattern: /ваше сообщение|хабарламаңызға|your message/iu, what: "the answer to the customer's own message" },
  { pattern: /клиент просит|customer asks/iu, what: "a customer's request, told to the store's manager" },
  { pattern: /ваш\p{L}* заказ|тапсырысыңыз|your order/iu, what: "the customer's order" },
];

const TURN_OFF: readonly RegExp[] = [/«стоп»|отключить|отписаться|өшіру|stop\b|turn (?:this )?(?:alert )?off|unsubscribe/iu];

function found(signals: readonly Signal[], text: string): string[] {
  return signals.flatMap(({ pattern, what }) => {
    const match = pattern.exec(text);
    return match ? [`${what} («${match[0]}»)`] : [];
  });
}

/**
 * The category Meta would give a template, and why. Meta decides with a
 * classifier; this follows the guidelines' rules by their words, which is what
 * the stand-in can do: utility is non-promotional AND the customer's own
 * business, anything else is marketing; authentication is a one-time code.
 */
export function judgeCategory(declared: TemplateCategory, text: { body: string; buttons: readonly string[] }): CategoryJudgement {
  const all = [text.body, ...text.buttons].join('\n');
  const promotional = found(PROMOTIONAL, all);
  if (declared === 'MARKETING') {
    return { category: 'MARKETING', reason: `submitted as marketing${promotional.length > 0 ? `: ${promotional.join(', ')}` : ''}` };
  }
  if (declared === 'AUTHENTICATION') {
    return /код|code/iu.test(text.body)
      ? { category: 'AUTHENTICATION', reason: 'a one-time code' }
      : { category: 'MARKETING', reason: 'not a one-time code, the only authentication content' };
  }
  if (promotional.length > 0) return { category: 'MARKETING', reason: `promotional: ${promotional.join(', ')}` };
  const own = found(OWN_BUSINESS, all);
  if (own.length === 0) return { category: 'MARKETING', reason: "not tied to the customer's own order, request or alert" };
  const turnOff = TURN_OFF.some((pattern) => pattern.test(all)) ? ', says how to turn it off' : '';
  return { category: 'UTILITY', reason: `${own.join(', ')}; no offer or call to buy${turnOff}` };
}
