import { describe, expect, it } from 'vitest';
import { CLOUD_API_LIMITS, fitToLimits, shorten } from '../../functions/adapters/whatsapp/cloudApiLimits';
import type { ButtonsMessage, ListMessage, OutboundMessage } from '../../functions/domain/whatsapp/outboundMessage';

const graphemesOf = (text: string) => [...new Intl.Segmenter('ru', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
const hasLoneSurrogate = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

function fitted<K extends OutboundMessage['kind']>(message: Extract<OutboundMessage, { kind: K }>): Extract<OutboundMessage, { kind: K }> {
  const result = fitToLimits(message);
  expect(result.kind).toBe(message.kind);
  return result as Extract<OutboundMessage, { kind: K }>;
}

describe('shorten', () => {
  it('cuts a 30-character Russian row title to ≤ 24 at a word boundary, ending in "…"', () => {
    const title = 'Диван угловой Честер велюровый';
    expect(title).toHaveLength(30);
    const short = shorten(title, CLOUD_API_LIMITS.listRowTitle);
    expect(short).toBe('Диван угловой Честер…');
    expect(short.length).toBeLessThanOrEqual(24);
  });

  it('leaves text that fits untouched', () => {
    expect(shorten('Кресло', 24)).toBe('Кресло');
  });

  it('does not leave punctuation dangling before the ellipsis', () => {
    expect(shorten('Стол обеденный, раскладной, дуб', 20)).toBe('Стол обеденный…');
  });

  it('cuts a single long word mid-word rather than dropping it', () => {
    expect(shorten('Сверхвместительныйшкафкупе', 10)).toBe('Сверхвмес…');
  });

  it('never splits an emoji: surrogate pairs, variation selectors and ZWJ families stay whole', () => {
    const family = '👨‍👩‍👧‍👦';
    const text = `${family}🛋️🛋️🛋️🛋️🛋️🛋️🛋️🛋️`;
    for (let max = 2; max < text.length; max++) {
      const short = shorten(text, max);
      expect(short.length).toBeLessThanOrEqual(max);
      expect(hasLoneSurrogate(short)).toBe(false);
      const kept = graphemesOf(short).slice(0, -1);
      expect(kept.every((g) => g === family || g === '🛋️')).toBe(true);
    }
  });

  it('never splits a Cyrillic letter written with a combining mark (и + breve)', () => {
    const decomposed = 'и\u0306';
    const text = decomposed.repeat(12);
    for (let max = 1; max < text.length; max++) {
      const short = shorten(text, max);
      expect(short.length).toBeLessThanOrEqual(max);
      const kept = short.replace(/…$/, '');
      expect(kept).toBe(decomposed.repeat(kept.length / decomposed.length));
    }
  });
});

describe('fitToLimits', () => {
  it('keeps the first 10 rows of a 12-row list in order and drops sections left empty', () => {
    const message: ListMessage = {
      kind: 'list',
      body: 'Выберите',
      button: 'Каталог',
      sections: [
        { title: 'Диваны', rows: Array.from({ length: 7 }, (_, i) => ({ id: `d${i}`, title: `Диван ${i}` })) },
        { title: 'Кресла', rows: Array.from({ length: 3 }, (_, i) => ({ id: `k${i}`, title: `Кресло ${i}` })) },
        {
          title: 'Столы',
          rows: [
            { id: 's0', title: 'Стол 0' },
            { id: 's1', title: 'Стол 1' },
          ],
        },
      ],
    };
    const result = fitted<'list'>(message);
    expect(result.sections.map((s) => s.title)).toEqual(['Диваны', 'Кресла']);
    expect(result.sections.flatMap((s) => s.rows.map((r) => r.id))).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'k0', 'k1', 'k2']);
  });

  it('keeps the first 3 of 4 buttons', () => {
    const message: ButtonsMessage = {
      kind: 'buttons',
      body: 'Что дальше?',
      buttons: [
        { id: 'a', title: 'Корзина' },
        { id: 'b', title: 'Каталог' },
        { id: 'c', title: 'Менеджер' },
        { id: 'd', title: 'Доставка' },
      ],
    };
    expect(fitted<'buttons'>(message).buttons).toEqual([
      { id: 'a', title: 'Корзина' },
      { id: 'b', title: 'Каталог' },
      { id: 'c', title: 'Менеджер' },
    ]);
  });

  it('de-duplicates button titles that collide after shortening, within 20 characters', () => {
    const message: ButtonsMessage = {
      kind: 'buttons',
      body: 'Какой цвет?',
      buttons: [
        { id: 'gray', title: 'Диван Честер серый велюр' },
        { id: 'blue', title: 'Диван Честер синий велюр' },
        { id: 'same', title: 'диван честер' },
      ],
    };
    const titles = fitted<'buttons'>(message).buttons.map((b) => b.title);
    expect(titles).toEqual(['Диван Честер серый…', 'Диван Честер синий…', 'диван честер']);

    const colliding: ButtonsMessage = {
      ...message,
      buttons: [
        { id: 'a', title: 'Купить сейчас' },
        { id: 'b', title: 'КУПИТЬ СЕЙЧАС' },
        { id: 'c', title: 'Купить сейчас со скидкой' },
      ],
    };
    const result = fitted<'buttons'>(colliding).buttons.map((b) => b.title);
    expect(result).toEqual(['Купить сейчас', 'КУПИТЬ СЕЙЧАС 2', 'Купить сейчас со…']);
    for (const title of result) expect(title.length).toBeLessThanOrEqual(CLOUD_API_LIMITS.replyButtonTitle);
  });

  it('appends a counter to a repeated title that is already at the limit, re-shortening it', () => {
    const long = 'Шкаф-купе трёхдверный с зеркалом';
    const message: ButtonsMessage = {
      kind: 'buttons',
      body: 'Какой?',
      buttons: [
        { id: 'a', title: long },
        { id: 'b', title: long },
      ],
    };
    expect(fitted<'buttons'>(message).buttons.map((b) => b.title)).toEqual(['Шкаф-купе трёхдверн…', 'Шкаф-купе… 2']);
  });

  it('makes duplicate ids unique, across list sections too', () => {
    const message: ListMessage = {
      kind: 'list',
      body: 'Выберите',
      button: 'Открыть',
      sections: [
        { title: 'A', rows: [{ id: 'sku:1', title: 'Один' }] },
        { title: 'B', rows: [{ id: 'sku:1', title: 'Два' }] },
      ],
    };
    const ids = fitted<'list'>(message).sections.flatMap((s) => s.rows.map((r) => r.id));
    expect(ids).toEqual(['sku:1', 'sku:1~2']);

    const buttons: ButtonsMessage = {
      kind: 'buttons',
      body: '?',
      buttons: [
        { id: 'x', title: 'Да' },
        { id: 'x', title: 'Нет' },
      ],
    };
    expect(fitted<'buttons'>(buttons).buttons.map((b) => b.id)).toEqual(['x', 'x~2']);
  });

  it('collapses whitespace in titles and bodies but keeps the line breaks of a body', () => {
    const message: ButtonsMessage = {
      kind: 'buttons',
      body: '  Диван\t\t«Честер»  \n\n\n\nЦена:   189 990 ₸  ',
      footer: '   ',
      buttons: [{ id: 'a', title: '  В\n корзину ' }],
    };
    const result = fitted<'buttons'>(message);
    expect(result.body).toBe('Диван «Честер»\n\nЦена: 189 990 ₸');
    expect(result.buttons[0]?.title).toBe('В корзину');
    expect(result).not.toHaveProperty('footer');
  });

  it('shortens every interactive field to its own limit', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `слово${i}`).join(' ');
    const message: ListMessage = {
      kind: 'list',
      header: words(20),
      body: words(300),
      footer: words(20),
      button: 'Посмотреть все варианты',
      sections: [{ title: words(10), rows: [{ id: 'r'.repeat(300), title: words(5), description: words(30) }] }],
    };
    const result = fitted<'list'>(message);
    expect(result.header!.length).toBeLessThanOrEqual(CLOUD_API_LIMITS.interactiveHeaderText);
    expect(result.body.length).toBeLessThanOrEqual(CLOUD_API_LIMITS.interactiveBody);
    expect(result.footer!.length).toBeLessThanOrEqual(CLOUD_API_LIMITS.interactiveFooter);
    expect(result.button).toBe('Посмотреть все…');
    const [section] = result.sections;
    expect(section!.title!.length).toBeLessThanOrEqual(CLOUD_API_LIMITS.listSectionTitle);
    const [row] = section!.rows;
    expect(row!.id).toHaveLength(CLOUD_API_LIMITS.listRowId);
    expect(row!.title.length).toBeLessThanOrEqual(CLOUD_API_LIMITS.listRowTitle);
    expect(row!.description!.length).toBeLessThanOrEqual(CLOUD_API_LIMITS.listRowDescription);
    for (const text of [result.header, result.body, result.footer, section!.title, row!.title, row!.description]) {
      expect(text!.endsWith('…')).toBe(true);
    }
  });

  it('merges untitled sections into one so that the API does not ask for section titles', () => {
    const message: ListMessage = {
      kind: 'list',
      body: 'Выберите',
      button: 'Открыть',
      sections: [{ title: 'Диваны', rows: [{ id: 'a', title: 'A' }] }, { rows: [{ id: 'b', title: 'B' }] }],
    };
    expect(fitted<'list'>(message).sections).toEqual([
      {
        rows: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
        ],
      },
    ]);
  });

  it('shortens a text body to 4096 and a caption to 1024', () => {
    const text = fitted<'text'>({ kind: 'text', body: 'слово '.repeat(1000) });
    expect(text.body.length).toBeLessThanOrEqual(CLOUD_API_LIMITS.textBody);
    expect(text.body.endsWith('слово…')).toBe(true);
    const image = fitted<'image'>({ kind: 'image', link: 'https://cdn.zeta.kz/a.jpg', caption: 'кресло '.repeat(300) });
    expect(image.caption!.length).toBeLessThanOrEqual(CLOUD_API_LIMITS.imageCaption);
  });

  it('flattens whitespace in template text parameters, which may not contain newlines or tabs', () => {
    const result = fitted<'template'>({
      kind: 'template',
      name: 'order_ready',
      language: 'ru',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Заказ №42\nготов\tк выдаче     сегодня' }] }],
    });
    expect(result.components[0]?.parameters[0]).toEqual({ type: 'text', text: 'Заказ №42 готов к выдаче сегодня' });
  });
});

describe('no-break spaces', () => {
  it('keeps the no-break spaces of prices in bodies and titles', () => {
    const price = '189\u00a0990\u00a0₸';
    const fitted = fitToLimits({ kind: 'buttons', body: `Цена:  *${price}*`, buttons: [{ id: 'a', title: `За ${price}` }] });
    expect(fitted.kind === 'buttons' && fitted.body).toBe(`Цена: *${price}*`);
    expect(fitted.kind === 'buttons' && fitted.buttons[0]?.title).toBe(`За ${price}`);
  });
});
