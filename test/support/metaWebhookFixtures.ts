/**
 * Every kind of payload WhatsApp posts to a webhook, as our own fixtures: the
 * shapes of Meta's documented examples and of the published test payloads of
 * other WhatsApp libraries, with our ids (business number, customer, message
 * ids unique per fixture, the current time). Each names the published
 * examples it was checked against:
 *
 * - pywa: github.com/david-lev/pywa, tests/data/updates/<file>.json#<key>
 * - netflie: github.com/netflie/whatsapp-cloud-api, tests/Unit/WebHook/NotificationFactoryTest.php::<test>
 * - Meta: developers.facebook.com/documentation/business-messaging/whatsapp/… (the page named)
 *
 * Placeholders of those examples that no real payload carries ("PHONE_NUMBER"
 * as a sender, message ids shared by every example, 2023 timestamps past
 * Meta's seven-day redelivery horizon) are replaced by real-looking values;
 * where an example deliberately carries odd values (netflie's strings for
 * coordinates and quantities) the fixture keeps them.
 */

export interface FixtureIds {
  phoneNumberId: string;
  /** The customer's phone number (digits). */
  waId: string;
  /** The customer's business-scoped user id. */
  userId: string;
  /** A message id unique to this fixture (and to `n` within it). */
  messageId(n?: number): string;
  /** WhatsApp's timestamp for now, in seconds, as a string. */
  now: string;
}

export interface MetaWebhookFixture {
  name: string;
  checkedAgainst: readonly string[];
  /**
   * The fitting answer to the customer's message, matched against the Graph
   * request bodies sent to them; undefined when nothing is to be answered
   * (reactions, deletions, notices, statuses, other fields).
   */
  answer?: RegExp;
  body(ids: FixtureIds): Record<string, unknown>;
}

const PYWA = 'pywa tests/data/updates/';
const NETFLIE = 'netflie NotificationFactoryTest::';
const META_SYSTEM = 'Meta: Webhooks reference › messages › system (webhooks/reference/messages/system/)';
const META_BSUID = 'Meta: Business-scoped user IDs (business-scoped-user-ids/), webhook examples';

type Json = Record<string, unknown>;

/** Meta's envelope: one WhatsApp Business Account entry with one change. */
function envelope(ids: FixtureIds, value: Json, field = 'messages'): Json {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '200000000000001',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '77010000000', phone_number_id: ids.phoneNumberId },
              ...value,
            },
            field,
          },
        ],
      },
    ],
  };
}

const contact = (ids: FixtureIds, name = 'Айгерим') => ({ profile: { name }, wa_id: ids.waId, user_id: ids.userId });

/** A customer message of the given type, as `messages[0]`, with its contact entry. */
function message(ids: FixtureIds, fields: Json): Json {
  return envelope(ids, {
    contacts: [contact(ids)],
    messages: [{ from: ids.waId, from_user_id: ids.userId, id: ids.messageId(), timestamp: ids.now, ...fields }],
  });
}

/** Meta's error on a message of a type it does not deliver to businesses. */
const TYPE_UNKNOWN = {
  code: 131051,
  title: 'Message type unknown',
  message: 'Message type unknown',
  error_data: { details: 'Message type is currently not supported.' },
};

const context = (ids: FixtureIds) => ({ from: '77010000000', id: ids.messageId(99) });

const status = (ids: FixtureIds, fields: Json) =>
  envelope(ids, { statuses: [{ id: ids.messageId(), timestamp: ids.now, recipient_id: ids.waId, ...fields }] });

export const META_WEBHOOK_FIXTURES: readonly MetaWebhookFixture[] = [
  // --- text and its variants ---
  {
    name: 'text',
    checkedAgainst: [`${PYWA}message.json#text`, `${NETFLIE}test_build_from_payload_can_build_a_text_notification`],
    answer: /product:SOF-/,
    body: (ids) => message(ids, { type: 'text', text: { body: 'покажите диваны' } }),
  },
  {
    name: 'text replying to a message (context)',
    checkedAgainst: [`${PYWA}message.json#reply`],
    answer: /product:BED-/,
    body: (ids) => message(ids, { context: context(ids), type: 'text', text: { body: 'а кровати есть?' } }),
  },
  {
    name: 'forwarded text',
    checkedAgainst: [`${PYWA}message.json#forwarded`, `${NETFLIE}test_build_from_payload_can_build_a_forwarded_notification`],
    answer: /product:WRD-/,
    body: (ids) => message(ids, { context: { forwarded: true }, type: 'text', text: { body: 'нужен шкаф-купе' } }),
  },
  {
    name: 'text forwarded many times',
    checkedAgainst: [`${PYWA}message.json#forwarded_many_times`],
    answer: /product:ARM-/,
    body: (ids) => message(ids, { context: { frequently_forwarded: true }, type: 'text', text: { body: 'покажите кресла' } }),
  },
  {
    name: 'text from a click-to-WhatsApp ad (referral)',
    checkedAgainst: [`${PYWA}message.json#referral`, `${NETFLIE}test_build_from_payload_can_build_a_notification`],
    answer: /product:DTB-/,
    body: (ids) =>
      message(ids, {
        referral: {
          source_url: 'https://fb.me/zeta-ad',
          source_id: '120200000000001',
          source_type: 'ad',
          headline: 'Столы ZETA',
          body: 'Скидки на обеденные столы',
          media_type: 'image',
          image_url: 'https://zeta.kz/ad.jpg',
          ctwa_clid: 'ARAkLkA8rmlFeiCktEJQ',
        },
        type: 'text',
        text: { body: 'хочу обеденный стол' },
      }),
  },
  {
    name: 'two changes in one entry, two texts',
    checkedAgainst: [`${NETFLIE}test_build_from_payload_can_build_multiple_text_notification`],
    answer: /product:DSK-/,
    body: (ids) => {
      const first = message(ids, { type: 'text', text: { body: 'письменный стол' } }) as { entry: Array<{ changes: Json[] }> };
      const second = message({ ...ids, messageId: (n = 0) => ids.messageId(n + 1) }, { type: 'text', text: { body: 'светлый' } }) as {
        entry: Array<{ changes: Json[] }>;
      };
      first.entry[0]!.changes.push(second.entry[0]!.changes[0]!);
      return first;
    },
  },
  {
    name: 'text from a customer with a username: BSUID only, no phone number',
    checkedAgainst: [META_BSUID, `${PYWA}callback_button.json (contacts with user_id)`],
    answer: /product:SOF-/,
    body: (ids) =>
      envelope(ids, {
        contacts: [{ profile: { name: 'Дана', username: 'dana.home' }, user_id: ids.userId }],
        messages: [{ from_user_id: ids.userId, id: ids.messageId(), timestamp: ids.now, type: 'text', text: { body: 'покажите диваны' } }],
      }),
  },
  // --- media ---
  {
    name: 'image',
    checkedAgainst: [`${PYWA}message.json#image`, `${NETFLIE}test_build_from_payload_can_build_an_image_notification`],
    answer: /Фото получила/,
    body: (ids) => message(ids, { type: 'image', image: { mime_type: 'image/jpeg', sha256: 'c2hhMjU2', id: '65463453' } }),
  },
  {
    name: 'video with a caption',
    checkedAgainst: [`${PYWA}message.json#video`],
    answer: /product:SHL-/,
    body: (ids) =>
      message(ids, {
        context: { forwarded: true },
        type: 'video',
        video: { caption: 'нужен такой стеллаж', mime_type: 'video/mp4', sha256: 'c2hhMjU2', id: '765756756' },
      }),
  },
  {
    name: 'document',
    checkedAgainst: [`${PYWA}message.json#document`, `${NETFLIE}test_build_from_payload_can_build_an_document_notification`],
    answer: /Файл получила/,
    body: (ids) =>
      message(ids, {
        type: 'document',
        document: { filename: 'plan.pdf', mime_type: 'application/pdf', sha256: 'c2hhMjU2', id: '1234567890' },
      }),
  },
  {
    name: 'audio file',
    checkedAgainst: [`${PYWA}message.json#audio`],
    answer: /Голосовые сообщения я пока не могу/,
    body: (ids) =>
      message(ids, { type: 'audio', audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'c2hhMjU2', id: '1234567891', voice: false } }),
  },
  {
    name: 'voice note',
    checkedAgainst: [`${PYWA}message.json#voice`],
    answer: /Голосовые сообщения я пока не могу/,
    body: (ids) =>
      message(ids, { type: 'audio', audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'c2hhMjU2', id: '1234567892', voice: true } }),
  },
  {
    name: 'static sticker',
    checkedAgainst: [`${PYWA}message.json#static_sticker`, `${NETFLIE}test_build_from_payload_can_build_a_sticker_notification`],
    answer: /Чем помочь/,
    body: (ids) =>
      message(ids, { type: 'sticker', sticker: { mime_type: 'image/webp', sha256: 'c2hhMjU2', id: '1234567893', animated: false } }),
  },
  {
    name: 'animated sticker',
    checkedAgainst: [`${PYWA}message.json#animated_sticker`],
    answer: /Чем помочь/,
    body: (ids) =>
      message(ids, { type: 'sticker', sticker: { mime_type: 'image/webp', sha256: 'c2hhMjU2', id: '1234567894', animated: true } }),
  },
  // --- reactions, edits, deletions ---
  {
    name: 'reaction',
    checkedAgainst: [`${PYWA}message.json#reaction`, `${NETFLIE}test_build_from_payload_can_build_a_reaction_notification`],
    body: (ids) => message(ids, { type: 'reaction', reaction: { message_id: ids.messageId(99), emoji: '😮' } }),
  },
  {
    name: 'reaction removed (empty emoji)',
    checkedAgainst: [`${PYWA}message.json#unreaction_empty`],
    body: (ids) => message(ids, { type: 'reaction', reaction: { message_id: ids.messageId(99), emoji: '' } }),
  },
  {
    name: 'reaction removed (no emoji)',
    checkedAgainst: [
      `${PYWA}message.json#unreaction_no_emoji`,
      `${NETFLIE}test_build_from_payload_can_build_a_removed_reaction_notification`,
    ],
    body: (ids) => message(ids, { type: 'reaction', reaction: { message_id: ids.messageId(99) } }),
  },
  {
    name: 'edited text',
    checkedAgainst: [`${PYWA}edited_message.json#edit_text`, `${PYWA}edit_message.json#edit_text`],
    answer: /product:CHR-/,
    body: (ids) =>
      message(ids, {
        type: 'edit',
        edit: { original_message_id: ids.messageId(99), message: { type: 'text', text: { body: 'покажите стулья' } } },
      }),
  },
  {
    name: 'edited caption',
    checkedAgainst: [`${PYWA}edited_message.json#edit_caption`, `${PYWA}edit_message.json#edit_caption`],
    answer: /product:MAT-/,
    body: (ids) =>
      message(ids, {
        type: 'edit',
        edit: {
          original_message_id: ids.messageId(99),
          message: { type: 'image', image: { caption: 'нужен матрас', mime_type: 'image/jpeg', sha256: 'c2hhMjU2', id: '65463453' } },
        },
      }),
  },
  {
    name: 'deleted message (revoke)',
    checkedAgainst: [`${PYWA}deleted_message.json#revoke`, `${PYWA}delete_message.json#original_id`],
    body: (ids) => message(ids, { type: 'revoke', revoke: { original_message_id: ids.messageId(99) } }),
  },
  // --- location, contacts, orders ---
  {
    name: 'current location',
    checkedAgainst: [`${PYWA}message.json#current_location`],
    answer: /Наши шоурумы, ближайший/,
    body: (ids) => message(ids, { context: { forwarded: true }, type: 'location', location: { latitude: 43.25089, longitude: 76.90539 } }),
  },
  {
    name: 'chosen location with a name and address',
    checkedAgainst: [`${PYWA}message.json#chosen_location`],
    answer: /Наши шоурумы, ближайший/,
    body: (ids) =>
      message(ids, {
        type: 'location',
        location: {
          latitude: 51.1282,
          longitude: 71.4306,
          name: 'Дом',
          address: 'Астана, ул. Кенесары, 40',
          url: 'https://maps.google.com/?cid=2000000000000000000',
        },
      }),
  },
  {
    name: 'location with placeholders for coordinates',
    checkedAgainst: [`${NETFLIE}test_build_from_payload_can_build_a_location_notification`],
    answer: /Наши шоурумы:/,
    body: (ids) =>
      message(ids, {
        type: 'location',
        location: { latitude: 'LOCATION_LATITUDE', longitude: 'LOCATION_LONGITUDE', name: 'Офис', address: 'Алматы' },
      }),
  },
  {
    name: 'contacts',
    checkedAgainst: [`${PYWA}message.json#contacts`, `${NETFLIE}test_build_from_payload_can_build_a_contact_notification`],
    answer: /контакт получила/,
    body: (ids) =>
      message(ids, {
        type: 'contacts',
        contacts: [
          {
            name: { first_name: 'Айдос', last_name: 'Серик', formatted_name: 'Айдос Серик' },
            phones: [{ phone: '+7 701 555 0101', wa_id: '77015550101', type: 'CELL' }],
            emails: [{ email: 'aidos@example.kz', type: 'WORK' }],
          },
        ],
      }),
  },
  {
    name: 'order from the catalog',
    checkedAgainst: [`${PYWA}message.json#order`],
    answer: /Спасибо за заказ!.*Монако.*× 2.*913\u00a0980\u00a0₸/s,
    body: (ids) =>
      message(ids, {
        type: 'order',
        order: {
          catalog_id: '354160437058781',
          text: '',
          product_items: [
            { product_retailer_id: 'SOF-001', quantity: 2, item_price: 30, currency: 'ILS' },
            { product_retailer_id: 'FRENCH_FRIES', quantity: 2, item_price: 35, currency: 'ILS' },
          ],
        },
      }),
  },
  {
    name: 'order with placeholder quantities and prices',
    checkedAgainst: [`${NETFLIE}test_build_from_payload_can_build_an_order_notification`],
    answer: /Спасибо за заказ!.*the-product-SKU-identifier × 1 — цену уточнит менеджер/s,
    body: (ids) =>
      message(ids, {
        type: 'order',
        order: {
          catalog_id: 'the-catalog_id',
          product_items: [
            {
              product_retailer_id: 'the-product-SKU-identifier',
              quantity: 'number-of-item',
              item_price: 'unitary-price-of-item',
              currency: 'price-currency',
            },
          ],
          text: 'text-message-sent-along-with-the-order',
        },
      }),
  },
  // --- taps ---
  {
    name: 'reply button tap we did not send',
    checkedAgainst: [`${PYWA}callback_button.json#button`, `${NETFLIE}test_build_from_payload_can_build_a_button_reply_notification`],
    answer: /кнопка уже не действует/,
    body: (ids) =>
      message(ids, {
        context: context(ids),
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'callback_data', title: 'title' } },
      }),
  },
  {
    name: 'reply button tap on one of our product buttons',
    checkedAgainst: [`${PYWA}callback_button.json#button`],
    answer: /Монако/,
    body: (ids) =>
      message(ids, {
        context: context(ids),
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'product:SOF-001', title: 'Подробнее' } },
      }),
  },
  {
    name: 'list row tap',
    checkedAgainst: [`${PYWA}callback_selection.json#callback`],
    answer: /кнопка уже не действует/,
    body: (ids) =>
      message(ids, {
        context: context(ids),
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'callback_data', title: 'title' } },
      }),
  },
  {
    name: 'list row tap with a description',
    checkedAgainst: [`${PYWA}callback_selection.json#description`, `${NETFLIE}test_build_from_payload_can_build_a_list_notification`],
    answer: /product:BED-/,
    body: (ids) =>
      message(ids, {
        context: context(ids),
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'category:bed', title: 'Кровати', description: 'Все кровати' } },
      }),
  },
  {
    name: 'template quick reply',
    checkedAgainst: [`${PYWA}callback_button.json#quick_reply`, `${NETFLIE}test_build_from_payload_can_build_a_button_notification`],
    answer: /кнопка уже не действует/,
    body: (ids) => message(ids, { context: context(ids), type: 'button', button: { payload: 'No-Button-Payload', text: 'No' } }),
  },
  {
    name: 'template quick reply from an ad, with a referred product',
    checkedAgainst: [`${NETFLIE}test_build_from_payload_can_build_a_notification`],
    answer: /Монако/,
    body: (ids) =>
      message(ids, {
        context: { ...context(ids), forwarded: true, referred_product: { catalog_id: 'CATALOG_ID', product_retailer_id: 'SOF-001' } },
        referral: { source_url: 'https://fb.me/zeta-ad', source_id: 'ADID', source_type: 'ad', headline: 'ZETA', body: 'Диваны' },
        type: 'button',
        button: { text: 'Подробнее', payload: 'product:SOF-001' },
      }),
  },
  {
    name: 'WhatsApp Flow form (nfm_reply)',
    checkedAgainst: [`${PYWA}flow_completion.json#completion`, `${NETFLIE}test_build_from_payload_can_build_a_flow_notification`],
    answer: /ответы получены/,
    body: (ids) =>
      message(ids, {
        context: context(ids),
        type: 'interactive',
        interactive: {
          type: 'nfm_reply',
          nfm_reply: { response_json: '{"delivery_rating":"4","flow_token":"AQAAAAACS5FpgQ_cAAAAAD0QI3s."}', body: 'Sent', name: 'flow' },
        },
      }),
  },
  {
    name: 'WhatsApp Flow form without a flow token',
    checkedAgainst: [`${PYWA}flow_completion.json#without_flow_token`],
    answer: /ответы получены/,
    body: (ids) =>
      message(ids, {
        context: context(ids),
        type: 'interactive',
        interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{"delivery_rating":"4"}', body: 'Sent', name: 'flow' } },
      }),
  },
  {
    name: 'call permission granted',
    checkedAgainst: [`${PYWA}call_permission_update.json#accept`],
    answer: /сможет позвонить/,
    body: (ids) =>
      message(ids, {
        context: context(ids),
        type: 'interactive',
        interactive: {
          type: 'call_permission_reply',
          call_permission_reply: { response: 'accept', expiration_timestamp: Number(ids.now) + 604_800, response_source: 'user_action' },
        },
      }),
  },
  {
    name: 'call permission refused',
    checkedAgainst: [`${PYWA}call_permission_update.json#reject`],
    answer: /звонить не будем/,
    body: (ids) =>
      message(ids, {
        context: context(ids),
        type: 'interactive',
        interactive: { type: 'call_permission_reply', call_permission_reply: { response: 'reject', response_source: 'user_action' } },
      }),
  },
  {
    name: 'chat opened (request_welcome)',
    checkedAgainst: [`${PYWA}chat_opened.json#chat_opened`],
    answer: /Здравствуйте, Айгерим!/,
    body: (ids) => message(ids, { type: 'request_welcome' }),
  },
  // --- what WhatsApp could not deliver whole ---
  {
    name: 'unsupported message type',
    checkedAgainst: [`${PYWA}message.json#unsupported`],
    answer: /Я понимаю текст, голосовые сообщения и фото/,
    body: (ids) =>
      message(ids, {
        errors: [TYPE_UNKNOWN],
        type: 'unsupported',
      }),
  },
  {
    name: 'unsupported message type, named',
    checkedAgainst: [`${PYWA}message.json#unsupported_with_type`],
    answer: /Я понимаю текст, голосовые сообщения и фото/,
    body: (ids) =>
      message(ids, {
        errors: [TYPE_UNKNOWN],
        type: 'unsupported',
        unsupported: { type: 'poll' },
      }),
  },
  {
    name: 'unknown message type',
    checkedAgainst: [`${NETFLIE}test_build_from_payload_can_build_an_unknown_notification`],
    answer: /Я понимаю текст, голосовые сообщения и фото/,
    body: (ids) =>
      message(ids, {
        errors: [{ code: 131051, details: 'Message type is not currently supported', title: 'Unsupported message type' }],
        type: 'unknown',
      }),
  },
  {
    name: 'interactive without its object (error 131000 beside the messages)',
    checkedAgainst: [`${PYWA}message.json#interactive_message_with_err`],
    answer: /Не получилось прочитать/,
    body: (ids) =>
      envelope(ids, {
        contacts: [contact(ids)],
        messages: [{ context: context(ids), from: ids.waId, id: ids.messageId(), timestamp: ids.now, type: 'interactive' }],
        errors: [
          {
            code: 131000,
            title: 'Something went wrong',
            message: 'Something went wrong',
            error_data: { details: 'Unsupported webhook payload' },
          },
        ],
      }),
  },
  // --- notices about the customer: recorded, never answered ---
  {
    name: 'system: the customer changed their number',
    checkedAgainst: [
      `${PYWA}system.json#phone_number_change`,
      `${NETFLIE}test_build_from_payload_can_build_a_system_notification`,
      META_SYSTEM,
    ],
    body: (ids) =>
      envelope(ids, {
        messages: [
          {
            from: ids.waId,
            id: ids.messageId(),
            timestamp: ids.now,
            system: {
              body: `User Айгерим changed from ${ids.waId} to 7${ids.waId.slice(1, -1)}9`,
              wa_id: `7${ids.waId.slice(1, -1)}9`,
              user_id: `${ids.userId}9`,
              previous_user_id: ids.userId,
              type: 'user_changed_number',
            },
            type: 'system',
          },
        ],
      }),
  },
  {
    name: "system: the customer's BSUID changed",
    checkedAgainst: [`${PYWA}system.json#user_id_change`, META_SYSTEM],
    body: (ids) =>
      envelope(ids, {
        messages: [
          {
            id: ids.messageId(),
            timestamp: ids.now,
            system: { body: 'User changed', user_id: `${ids.userId}8`, previous_user_id: ids.userId, type: 'user_changed_user_id' },
            type: 'system',
          },
        ],
      }),
  },
  {
    name: "system: the customer's identity (security code) changed",
    checkedAgainst: [`${PYWA}system.json#identity_change`],
    body: (ids) =>
      message(ids, {
        identity: { acknowledged: true, created_timestamp: ids.now, hash: 'xyzxyz' },
        system: { body: 'User identity changed', type: 'customer_identity_changed' },
        type: 'system',
      }),
  },
  {
    name: 'user_id_update webhook',
    checkedAgainst: [META_BSUID],
    body: (ids) =>
      envelope(
        ids,
        {
          contacts: [{ profile: { name: 'Айгерим' }, wa_id: ids.waId }],
          user_id_update: [
            {
              wa_id: ids.waId,
              detail: 'User id updated',
              user_id: { previous: ids.userId, current: `${ids.userId}7` },
              timestamp: ids.now,
            },
          ],
        },
        'user_id_update',
      ),
  },
  // --- statuses of what we sent ---
  {
    name: 'status sent, with pricing',
    checkedAgainst: [`${PYWA}message_status.json#sent`],
    body: (ids) =>
      status(ids, {
        status: 'sent',
        conversation: { id: '7270432eae37498234f4444b35ffc5', expiration_timestamp: ids.now, origin: { type: 'service' } },
        pricing: { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
      }),
  },
  {
    name: 'status delivered, with the callback data we set',
    checkedAgainst: [
      `${PYWA}message_status.json#with_tracker`,
      `${NETFLIE}test_build_from_payload_can_build_a_status_with_pricing_notification`,
    ],
    body: (ids) =>
      status(ids, {
        status: 'delivered',
        biz_opaque_callback_data: 'some data',
        pricing: { billable: true, pricing_model: 'CBP', category: 'marketing' },
      }),
  },
  {
    name: 'status read, without pricing',
    checkedAgainst: [`${PYWA}message_status.json#read`, `${NETFLIE}test_build_from_payload_can_build_a_status_notification`],
    body: (ids) => status(ids, { status: 'read' }),
  },
  {
    name: 'status with a conversation expiring as a number',
    checkedAgainst: [`${NETFLIE}test_build_from_payload_can_build_a_status_conversation_initiated_notification`],
    body: (ids) =>
      status(ids, {
        status: 'read',
        conversation: { id: 'CONVERSATION_ID', expiration_timestamp: Number(ids.now), origin: { type: 'user_initiated' } },
      }),
  },
  {
    name: 'status failed, with an error',
    checkedAgainst: [`${PYWA}message_status.json#failed`, `${NETFLIE}test_build_from_payload_can_build_a_status_notification_with_errors`],
    body: (ids) =>
      status(ids, {
        status: 'failed',
        errors: [{ code: 130472, title: "User's number is part of an experiment", message: "User's number is part of an experiment" }],
      }),
  },
  {
    name: 'status delivered to a BSUID',
    checkedAgainst: [META_BSUID],
    body: (ids) =>
      envelope(ids, {
        statuses: [
          {
            id: ids.messageId(),
            status: 'delivered',
            timestamp: ids.now,
            recipient_user_id: ids.userId,
            pricing: { billable: false, pricing_model: 'PMP', category: 'service' },
          },
        ],
      }),
  },
  // --- other fields of the same webhook ---
  {
    name: 'message echo from the WhatsApp Business app (coexistence)',
    checkedAgainst: [`${PYWA}outgoing_message.json#text`, `${PYWA}edit_message.json#coexistence_edit_text`],
    body: (ids) =>
      envelope(
        ids,
        {
          contacts: [contact(ids)],
          message_echoes: [
            { from: '77010000000', to: ids.waId, id: ids.messageId(), timestamp: ids.now, type: 'text', text: { body: 'Test message' } },
          ],
        },
        'smb_message_echoes',
      ),
  },
  {
    name: 'call connect',
    checkedAgainst: [`${PYWA}call_connect.json#user_initiated`],
    body: (ids) =>
      envelope(
        ids,
        {
          contacts: [contact(ids)],
          calls: [
            {
              id: 'wacid.xxxx=',
              from: ids.waId,
              to: '77010000000',
              event: 'connect',
              timestamp: ids.now,
              direction: 'USER_INITIATED',
              session: { sdp: 'v=0', sdp_type: 'offer' },
            },
          ],
        },
        'calls',
      ),
  },
  {
    name: 'call status',
    checkedAgainst: [`${PYWA}call_status.json#call_status`],
    body: (ids) =>
      envelope(
        ids,
        { statuses: [{ id: 'wacid.ABGGFjFVU2AfAgo6V', timestamp: ids.now, type: 'call', status: 'RINGING', recipient_id: ids.waId }] },
        'calls',
      ),
  },
  {
    name: 'user preferences (marketing stop)',
    checkedAgainst: [`${PYWA}user_preferences.json#user_marketing_preferences`],
    body: (ids) =>
      envelope(
        ids,
        {
          contacts: [{ wa_id: ids.waId }],
          user_preferences: [
            {
              wa_id: ids.waId,
              detail: 'User requested to stop marketing messages',
              category: 'marketing_messages',
              value: 'stop',
              timestamp: Number(ids.now),
            },
          ],
        },
        'user_preferences',
      ),
  },
  {
    name: 'account update (restriction)',
    checkedAgainst: [`${PYWA}account_update.json#account_restriction`],
    body: () => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '200000000000001',
          time: 1641330498,
          changes: [
            {
              value: {
                event: 'ACCOUNT_RESTRICTION',
                restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: 1641330498 }],
              },
              field: 'account_update',
            },
          ],
        },
      ],
    }),
  },
  {
    name: 'template status update (no metadata)',
    checkedAgainst: [`${PYWA}template_status_update.json#approved`],
    body: () => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '200000000000001',
          time: 1698268000,
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event: 'APPROVED',
                message_template_id: 12345678,
                message_template_name: 'my_message_template',
                message_template_language: 'pt-BR',
                reason: null,
              },
            },
          ],
        },
      ],
    }),
  },
];
