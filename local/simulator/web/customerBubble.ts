import type { CustomerMessage, LoggedMessage } from './chatTypes';
import { h, richText } from './dom';
import { icon } from './icons';
import { clockTime } from './messageTime';
import { simApi } from './simApiClient';
import { ticks } from './ticks';
import { customerSummary } from './messageSummary';
import { formatWhatsAppText } from './whatsappFormatting';

/**
 * What the customer sent, on the right in green. A line is in the chat only
 * once the webhook accepted it, so it shows as delivered to the business.
 */
export function customerBubble(message: LoggedMessage, quote?: HTMLElement): HTMLElement {
  const sent = message.payload as CustomerMessage;
  const meta = h('div', { class: 'meta' }, h('time', {}, clockTime(message.timestamp)), ticks('delivered'));
  const bubble = h('div', { class: `bubble bubble--customer bubble--${sent.type}` }, quote);
  bubble.append(...content(sent), meta);
  return h('div', { class: 'bubble-group' }, bubble);
}

const text = (value: string) => richText('text', formatWhatsAppText(value));

function content(sent: CustomerMessage): Node[] {
  switch (sent.type) {
    case 'text':
      return [text(sent.text?.body ?? '')];
    case 'image':
      return [
        h('img', { class: 'media', src: simApi.mediaUrl(sent.image?.id ?? ''), alt: 'Фото' }),
        ...(sent.image?.caption ? [text(sent.image.caption)] : []),
      ];
    case 'audio':
      return [
        h(
          'div',
          { class: 'voice' },
          h('span', { class: 'voice__badge' }, icon(sent.audio?.voice ? 'mic' : 'headset')),
          h('audio', { class: 'voice__player', controls: true, preload: 'metadata', src: simApi.mediaUrl(sent.audio?.id ?? '') }),
        ),
      ];
    case 'interactive': {
      const description = sent.interactive?.list_reply?.description;
      return [
        h('div', { class: 'text' }, customerSummary(sent)),
        ...(description ? [h('div', { class: 'row-description' }, description)] : []),
      ];
    }
    case 'unknown':
    case 'unsupported':
    case 'system':
    case 'request_welcome':
      return [h('div', { class: 'text text--unsupported' }, customerSummary(sent))];
    default:
      return [h('div', { class: 'text' }, customerSummary(sent))];
  }
}
