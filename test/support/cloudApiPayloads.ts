/**
 * Webhook bodies shaped exactly like the Cloud API's documented examples
 * (messages, statuses with pricing), for tests.
 */
export const BUSINESS = { phoneNumberId: '100000000000001', displayPhoneNumber: '77010000000', wabaId: '200000000000001' };

export function webhookBody(value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: BUSINESS.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: BUSINESS.displayPhoneNumber, phone_number_id: BUSINESS.phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

export function contact(waId: string, name = 'Айгерим') {
  return { profile: { name }, wa_id: waId };
}

let counter = 0;
export function wamid(): string {
  counter += 1;
  return `wamid.HBgLNzcwMTIzNDU2NzgVAgASGBQzQTk${String(counter).padStart(6, '0')}AA==`;
}

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

export function textMessage(from: string, body: string, id = wamid()) {
  return { from, id, timestamp: nowSeconds(), text: { body }, type: 'text' };
}

export function voiceMessage(from: string, mediaId = '1234567890', id = wamid()) {
  return {
    from,
    id,
    timestamp: nowSeconds(),
    type: 'audio',
    audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'c2hhMjU2', id: mediaId, voice: true },
  };
}

export function imageMessage(from: string, caption?: string, mediaId = '2345678901', id = wamid()) {
  return {
    from,
    id,
    timestamp: nowSeconds(),
    type: 'image',
    image: { mime_type: 'image/jpeg', sha256: 'c2hhMjU2', id: mediaId, ...(caption ? { caption } : {}) },
  };
}

export function buttonReply(from: string, replyId: string, title: string, context = wamid(), id = wamid()) {
  return {
    context: { from: BUSINESS.displayPhoneNumber, id: context },
    from,
    id,
    timestamp: nowSeconds(),
    type: 'interactive',
    interactive: { type: 'button_reply', button_reply: { id: replyId, title } },
  };
}

export function listReply(from: string, replyId: string, title: string, description?: string, id = wamid()) {
  return {
    context: { from: BUSINESS.displayPhoneNumber, id: wamid() },
    from,
    id,
    timestamp: nowSeconds(),
    type: 'interactive',
    interactive: { type: 'list_reply', list_reply: { id: replyId, title, ...(description ? { description } : {}) } },
  };
}

export function templateQuickReply(from: string, payload: string, text: string, id = wamid()) {
  return {
    context: { from: BUSINESS.displayPhoneNumber, id: wamid() },
    from,
    id,
    timestamp: nowSeconds(),
    type: 'button',
    button: { payload, text },
  };
}

export function stickerMessage(from: string, id = wamid()) {
  return {
    from,
    id,
    timestamp: nowSeconds(),
    type: 'sticker',
    sticker: { mime_type: 'image/webp', sha256: 'x', id: '99', animated: false },
  };
}

export function statusUpdate(recipientId: string, messageId: string, status: 'sent' | 'delivered' | 'read' | 'failed') {
  return {
    id: messageId,
    status,
    timestamp: nowSeconds(),
    recipient_id: recipientId,
    ...(status === 'read'
      ? {}
      : {
          conversation: { id: 'CONVERSATION_ID', origin: { type: 'service' } },
          pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
        }),
  };
}
