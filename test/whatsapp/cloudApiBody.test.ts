import { describe, expect, it } from 'vitest';
import { toCloudApiBody } from '../../functions/adapters/whatsapp/graphClient';

const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '77011234567' };

describe('toCloudApiBody', () => {
  it('maps a text message, with link preview and a reply context', () => {
    expect(toCloudApiBody('77011234567', { kind: 'text', body: 'Здравствуйте!', previewUrl: true }, 'wamid.IN1')).toStrictEqual({
      ...envelope,
      context: { message_id: 'wamid.IN1' },
      type: 'text',
      text: { preview_url: true, body: 'Здравствуйте!' },
    });
  });

  it('maps a plain text message without optional fields', () => {
    expect(toCloudApiBody('77011234567', { kind: 'text', body: 'Да' })).toStrictEqual({
      ...envelope,
      type: 'text',
      text: { body: 'Да' },
    });
  });

  it('maps reply buttons with an image header and a footer', () => {
    const body = toCloudApiBody('77011234567', {
      kind: 'buttons',
      body: 'Диван «Честер», 189 990 ₸',
      header: { type: 'image', link: 'https://cdn.zeta.kz/chester.jpg' },
      footer: 'ZETA мебель',
      buttons: [
        { id: 'cart:add:chester', title: 'В корзину' },
        { id: 'more:chester', title: 'Подробнее' },
      ],
    });
    expect(body).toStrictEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'image', image: { link: 'https://cdn.zeta.kz/chester.jpg' } },
        body: { text: 'Диван «Честер», 189 990 ₸' },
        footer: { text: 'ZETA мебель' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'cart:add:chester', title: 'В корзину' } },
            { type: 'reply', reply: { id: 'more:chester', title: 'Подробнее' } },
          ],
        },
      },
    });
  });

  it('maps reply buttons with a text header', () => {
    const body = toCloudApiBody('77011234567', {
      kind: 'buttons',
      body: 'Оформить заказ?',
      header: { type: 'text', text: 'Корзина' },
      buttons: [{ id: 'yes', title: 'Да' }],
    });
    expect(body).toStrictEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Корзина' },
        body: { text: 'Оформить заказ?' },
        action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Да' } }] },
      },
    });
  });

  it('maps a list with header, footer, titled sections and optional descriptions', () => {
    const body = toCloudApiBody('77011234567', {
      kind: 'list',
      header: 'Диваны',
      body: 'Вот что нашлось',
      footer: 'Цены в тенге',
      button: 'Выбрать',
      sections: [
        { title: 'Угловые', rows: [{ id: 'sku:1', title: 'Честер', description: '189 990 ₸' }] },
        { title: 'Прямые', rows: [{ id: 'sku:2', title: 'Лофт' }] },
      ],
    });
    expect(body).toStrictEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Диваны' },
        body: { text: 'Вот что нашлось' },
        footer: { text: 'Цены в тенге' },
        action: {
          button: 'Выбрать',
          sections: [
            { title: 'Угловые', rows: [{ id: 'sku:1', title: 'Честер', description: '189 990 ₸' }] },
            { title: 'Прямые', rows: [{ id: 'sku:2', title: 'Лофт' }] },
          ],
        },
      },
    });
  });

  it('maps an image by link with a caption', () => {
    expect(toCloudApiBody('77011234567', { kind: 'image', link: 'https://cdn.zeta.kz/a.jpg', caption: 'Кресло' })).toStrictEqual({
      ...envelope,
      type: 'image',
      image: { link: 'https://cdn.zeta.kz/a.jpg', caption: 'Кресло' },
    });
  });

  it('maps a template with an image header, named text, currency and quick reply payloads', () => {
    const body = toCloudApiBody('77011234567', {
      kind: 'template',
      name: 'order_ready',
      language: 'ru',
      components: [
        { type: 'header', parameters: [{ type: 'image', link: 'https://cdn.zeta.kz/order.jpg' }] },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Айгерим', parameterName: 'customer_name' },
            { type: 'currency', fallbackValue: '189 990 ₸', code: 'KZT', amount1000: 189_990_000 },
          ],
        },
        { type: 'button', subType: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'order:42:confirm' }] },
        { type: 'button', subType: 'quick_reply', index: 1, parameters: [{ type: 'payload', payload: 'order:42:cancel' }] },
      ],
    });
    expect(body).toStrictEqual({
      ...envelope,
      type: 'template',
      template: {
        name: 'order_ready',
        language: { code: 'ru' },
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.zeta.kz/order.jpg' } }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', parameter_name: 'customer_name', text: 'Айгерим' },
              { type: 'currency', currency: { fallback_value: '189 990 ₸', code: 'KZT', amount_1000: 189_990_000 } },
            ],
          },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'order:42:confirm' }] },
          { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'order:42:cancel' }] },
        ],
      },
    });
  });

  it('leaves components out of a template that has none', () => {
    expect(toCloudApiBody('77011234567', { kind: 'template', name: 'hello', language: 'kk', components: [] })).toStrictEqual({
      ...envelope,
      type: 'template',
      template: { name: 'hello', language: { code: 'kk' } },
    });
  });
});
