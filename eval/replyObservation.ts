import type { OutboundRecord } from '../local/graph/graphStandIn';

/** What the customer saw in answer to one turn, read from the Graph API bodies exactly as sent. */
export interface ReplyObservation {
  /** Every word of the reply: bodies, headers, buttons, list rows and their descriptions. */
  text: string;
  /** The assistant's own words: the same without the product rows and buttons (the store's product names). */
  ownText: string;
  /** The products shown, in the order shown (list rows, reply buttons, a card). */
  productIds: string[];
  /** A single product shown as a card (with its «buy» button). */
  cardId?: string;
  messages: number;
}

interface GraphBody {
  type?: string;
  text?: { body?: string };
  interactive?: {
    header?: { text?: string };
    body?: { text?: string };
    action?: {
      button?: string;
      buttons?: Array<{ reply?: { id?: string; title?: string } }>;
      sections?: Array<{ title?: string; rows?: Array<{ id?: string; title?: string; description?: string }> }>;
    };
  };
}

const PRODUCT_ID = /^product:(.+)$/;
const CARD_ID = /^buy:(.+)$/;

export function observe(records: readonly OutboundRecord[]): ReplyObservation {
  const texts: string[] = [];
  const own: string[] = [];
  const productIds: string[] = [];
  let cardId: string | undefined;
  for (const record of records) {
    const body = record.body as GraphBody;
    if (body.text?.body) texts.push(body.text.body);
    if (body.text?.body) own.push(body.text.body);
    const interactive = body.interactive;
    if (!interactive) continue;
    const words = [interactive.header?.text ?? '', interactive.body?.text ?? '', interactive.action?.button ?? ''];
    texts.push(...words);
    own.push(...words);
    for (const button of interactive.action?.buttons ?? []) {
      texts.push(button.reply?.title ?? '');
      const id = button.reply?.id ?? '';
      const product = PRODUCT_ID.exec(id)?.[1];
      if (product) productIds.push(product);
      else own.push(button.reply?.title ?? '');
      const card = CARD_ID.exec(id)?.[1];
      if (card) cardId = card;
    }
    for (const section of interactive.action?.sections ?? []) {
      texts.push(section.title ?? '');
      own.push(section.title ?? '');
      for (const row of section.rows ?? []) {
        texts.push(row.title ?? '', row.description ?? '');
        const product = PRODUCT_ID.exec(row.id ?? '')?.[1];
        if (product) productIds.push(product);
      }
    }
  }
  if (cardId !== undefined && !productIds.includes(cardId)) productIds.unshift(cardId);
  return {
    text: texts.filter(Boolean).join('\n'),
    ownText: own.filter(Boolean).join('\n'),
    productIds,
    ...(cardId !== undefined && productIds.length === 1 ? { cardId } : {}),
    messages: records.length,
  };
}
