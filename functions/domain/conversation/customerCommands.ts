import type { Understanding } from '../understanding/understand';

/**
 * Requests the assistant carries out itself, the same way whichever engine
 * answers: subscriptions, price alerts, a person, and erasing their data are
 * promises to the customer, not something a language model may improvise.
 */
export type CustomerCommand =
  | { kind: 'opt_out' }
  | { kind: 'opt_in' }
  | { kind: 'list_alerts' }
  | { kind: 'cancel_alerts' }
  | { kind: 'price_alert'; targetPrice?: number }
  | { kind: 'manager' }
  | { kind: 'forget_me' };

const OPT_IN =
  /^(?:я\s+)?(?:хочу\s+)?(?:подписаться|подпишите(?:\s+меня)?|подписка|возобновить(?:\s+уведомления)?|жазылу|жазылам[ын]*|subscribe|resubscribe|start)[.!]?$/u;
// Kazakh price alerts are «хабарландыру» (as the texts call them); «хабарлама» (a message) is still understood.
const LIST_ALERTS =
  /(?:мои|список)\s+(?:уведомлени|оповещени|подписк)|^(?:уведомления|оповещения)[?.!]?$|менің\s+хабар(?:ландыру|лама)лар|хабар(?:ландыру|лама)ларым|my\s+(?:price\s+)?alerts|list\s+(?:my\s+)?alerts/u;
const CANCEL_ALERTS =
  /(?:отмени|отключи|удали|убери)\p{L}*[\s,]+(?:(?:все|мои|эти|пожалуйста)[\s,]+)*(?:уведомлени|оповещени)|хабар(?:ландыру|лама)лар\p{L}*\s+өшір|(?:cancel|remove|delete)\s+(?:all\s+)?(?:my\s+)?alerts/u;

function normalized(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

export function commandOf(text: string, understanding: Understanding): CustomerCommand | undefined {
  const words = normalized(text);
  if (CANCEL_ALERTS.test(words)) return { kind: 'cancel_alerts' };
  if (LIST_ALERTS.test(words)) return { kind: 'list_alerts' };
  if (OPT_IN.test(words)) return { kind: 'opt_in' };
  if (understanding.intent === 'forget_me') return { kind: 'forget_me' };
  if (understanding.intent === 'manager') return { kind: 'manager' };
  if (understanding.intent === 'opt_out') return { kind: 'opt_out' };
  if (understanding.intent === 'price_alert') {
    return understanding.target_price === undefined
      ? { kind: 'price_alert' }
      : { kind: 'price_alert', targetPrice: understanding.target_price };
  }
  return undefined;
}
