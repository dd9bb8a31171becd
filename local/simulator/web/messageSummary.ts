import type { BusinessMessage, CustomerMessage, LoggedMessage } from './chatTypes';

/** One line about a message, for the quote above a reply: what WhatsApp shows when you reply to something. */
export function messageSummary(message: LoggedMessage): string {
  return message.direction === 'out'
    ? businessSummary(message.payload as BusinessMessage)
    : customerSummary(message.payload as CustomerMessage);
}

function businessSummary(body: BusinessMessage): string {
  switch (body.type) {
    case 'text':
      return body.text.body;
    case 'image':
      return `📷 ${body.image.caption ?? 'Фото'}`;
    case 'interactive': {
      const header = body.interactive.header;
      const photo = header?.type === 'image' ? '📷 ' : '';
      return `${photo}${body.interactive.body.text}`;
    }
    case 'template':
      return `Шаблон «${body.template.name}»`;
    default:
      return 'Сообщение';
  }
}

function customerSummary(message: CustomerMessage): string {
  switch (message.type) {
    case 'text':
      return message.text.body;
    case 'image':
      return `📷 ${message.image.caption ?? 'Фото'}`;
    case 'audio':
      return message.audio.voice ? '🎤 Голосовое сообщение' : '🎵 Аудио';
    case 'interactive':
      return message.interactive.type === 'button_reply' ? message.interactive.button_reply.title : message.interactive.list_reply.title;
    case 'button':
      return message.button.text;
    default:
      return 'Сообщение';
  }
}
