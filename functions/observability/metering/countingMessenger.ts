import type { Messenger } from '../../domain/conversation/ports';
import { parseReplyId } from '../../domain/replies/replyIds';
import type { OutboundMessage } from '../../domain/whatsapp/outboundMessage';
import { currentMeter } from '../usageMeterContext';

/**
 * Counts what the assistant sends: every message, and every product it puts
 * in front of the customer as a list row or a reply button (`product:<id>`),
 * the denominator of the recommendation click-through rate.
 */
export function countingMessenger(messenger: Messenger): Messenger {
  return {
    async send(to, message, options) {
      const sent = await messenger.send(to, message, options);
      const meter = currentMeter();
      meter?.count('messages_out');
      meter?.count('recommendations_shown', productChoicesIn(message));
      return sent;
    },
    markRead: (messageId) => messenger.markRead(messageId),
  };
}

export function productChoicesIn(message: OutboundMessage): number {
  const ids =
    message.kind === 'list'
      ? message.sections.flatMap((section) => section.rows.map((row) => row.id))
      : message.kind === 'buttons'
        ? message.buttons.map((button) => button.id)
        : [];
  return ids.filter((id) => parseReplyId(id)?.action === 'product').length;
}
