import { approvedTemplate, fillParameters } from './accountTemplates';
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
    case 'template': {
      const approved = approvedTemplate(body.template.name, body.template.language.code);
      const values = (body.template.components ?? [])
        .filter((component) => component.type === 'body')
        .flatMap((component) => component.parameters.map((parameter) => parameter.text ?? ''));
      return approved ? fillParameters(approved.body, values) : `Шаблон «${body.template.name}»`;
    }
    default:
      return 'Сообщение';
  }
}

/** One line for anything a customer may send; never throws on a part that is missing. */
export function customerSummary(message: CustomerMessage): string {
  switch (message.type) {
    case 'text':
      return message.text?.body ?? '';
    case 'image':
      return `📷 ${message.image?.caption ?? 'Фото'}`;
    case 'audio':
      return message.audio?.voice ? '🎤 Голосовое сообщение' : '🎵 Аудио';
    case 'interactive':
      return interactiveSummary(message.interactive);
    case 'button':
      return message.button?.text ?? '';
    case 'location': {
      const place = [message.location?.name, message.location?.address].filter(Boolean).join(', ');
      return `📍 ${place || 'Геолокация'}`;
    }
    case 'order': {
      const items = message.order?.product_items ?? [];
      return `🛒 Заказ из каталога: ${items.length} ${items.length === 1 ? 'товар' : 'товара'}${message.order?.text ? ` · ${message.order.text}` : ''}`;
    }
    case 'edit':
      return `✏️ ${message.edit?.message?.text?.body ?? message.edit?.message?.image?.caption ?? 'Изменённое сообщение'}`;
    case 'reaction':
      return message.reaction?.emoji || 'Реакция снята';
    case 'video':
      return `🎬 ${message.video?.caption ?? 'Видео'}`;
    case 'document':
      return `📄 ${message.document?.caption ?? message.document?.filename ?? 'Документ'}`;
    case 'sticker':
      return '🙂 Стикер';
    case 'contacts':
      return `👤 Контакт${(message.contacts?.length ?? 1) > 1 ? 'ы' : ''}`;
    case 'revoke':
      return '🚫 Сообщение удалено';
    default:
      return `[${message.type}]`;
  }
}

type Interactive = Extract<CustomerMessage, { type: 'interactive' }>['interactive'];

function interactiveSummary(interactive: Interactive): string {
  if (interactive?.button_reply) return interactive.button_reply.title;
  if (interactive?.list_reply) return interactive.list_reply.title;
  if (interactive?.nfm_reply) return `📋 ${interactive.nfm_reply.body ?? 'Форма отправлена'}`;
  if (interactive?.call_permission_reply) {
    return interactive.call_permission_reply.response === 'accept' ? '📞 Разрешил звонок' : '📵 Отказался от звонка';
  }
  return `[interactive${interactive?.type ? `: ${interactive.type}` : ''}]`;
}
