import type { ListRow, OutgoingCustomerMessage } from './chatTypes';

/**
 * What WhatsApp sends when a customer taps a reply button, a list row or a
 * template's quick-reply button: the choice, and `context` naming the message
 * tapped and the business number that sent it.
 */

export interface Tapped {
  /** The wamid of the message whose button or row was tapped. */
  messageId: string;
  /** The business's display number: WhatsApp's `context.from`. */
  businessPhone: string;
}

const contextOf = (tapped: Tapped) => ({ from: tapped.businessPhone, id: tapped.messageId });

export function buttonReply(from: string, tapped: Tapped, button: { id: string; title: string }): OutgoingCustomerMessage {
  return {
    from,
    type: 'interactive',
    context: contextOf(tapped),
    interactive: { type: 'button_reply', button_reply: { id: button.id, title: button.title } },
  };
}

export function listReply(from: string, tapped: Tapped, row: ListRow): OutgoingCustomerMessage {
  const listRow =
    row.description === undefined ? { id: row.id, title: row.title } : { id: row.id, title: row.title, description: row.description };
  return { from, type: 'interactive', context: contextOf(tapped), interactive: { type: 'list_reply', list_reply: listRow } };
}

export function templateButtonReply(from: string, tapped: Tapped, button: { payload: string; text: string }): OutgoingCustomerMessage {
  return { from, type: 'button', context: contextOf(tapped), button: { payload: button.payload, text: button.text } };
}
