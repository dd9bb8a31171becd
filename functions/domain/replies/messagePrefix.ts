import type { OutboundMessage } from '../whatsapp/outboundMessage';

/** Puts a line above a message's own text ("🎤 Вы сказали: …"), whatever kind of message it is. */
export function withPrefix(message: OutboundMessage, prefix: string): OutboundMessage {
  switch (message.kind) {
    case 'text':
    case 'buttons':
    case 'list':
      return { ...message, body: `${prefix}\n\n${message.body}` };
    case 'image':
      return { ...message, caption: message.caption ? `${prefix}\n\n${message.caption}` : prefix };
    case 'template':
      return message;
  }
}
