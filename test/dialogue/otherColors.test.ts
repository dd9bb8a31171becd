import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { sqsRecord, text } from '../support/sqsEvents';

let harness: ConsumerHarness;
let next = 77060004000;

beforeAll(async () => {
  harness = await startConsumerHarness();
});
afterAll(async () => {
  await harness.close();
});

type Body = {
  text?: { body: string };
  interactive?: {
    body: { text: string };
    action: { sections?: Array<{ rows: Array<{ title: string; description?: string }> }>; buttons?: Array<{ reply: { id: string } }> };
  };
};
const bodies = (waId: string) => harness.sentTo(waId) as unknown as Body[];
const tenge = (text: string) => Number(text.replace(/\D/gu, ''));
/** The prices of the products a reply offers: a list's rows, or the numbered lines above product buttons. */
const offeredPrices = (body: Body | undefined): number[] => {
  const rows = body?.interactive?.action.sections?.flatMap((section) => section.rows) ?? [];
  if (rows.length > 0) return rows.map((row) => tenge(/^([\d\u00a0 ]+)₸/u.exec(row.description ?? '')?.[1] ?? ''));
  const products = body?.interactive?.action.buttons?.filter((button) => button.reply.id.startsWith('product:')) ?? [];
  const lines = [...(body?.interactive?.body.text ?? '').matchAll(/— ([\d\s]+?)\s₸$/gmu)].map((match) => tenge(match[1]!));
  return products.length > 0 ? lines : [];
};
const lastText = (waId: string) => {
  const body = bodies(waId).at(-1);
  return body?.text?.body ?? body?.interactive?.body.text ?? '';
};

describe('«а в другом цвете есть?» after a search with a colour', () => {
  it.each([
    [
      'ru',
      'Ищу серый диван до 300 тысяч',
      'а в другом цвете есть?',
      /^Есть и в других цветах: (.+)\. Какой цвет показать\?$/u,
      'серый',
      'а бежевый?',
    ],
    ['kk', 'сұр диван керек', 'басқа түсі бар ма?', /^Басқа түстерде де бар: (.+)\. Қай түсін көрсетейін\?$/u, 'сұр', 'бежевый'],
    [
      'en',
      'I want a grey sofa',
      'do you have it in another colour?',
      /^It also comes in other colours: (.+)\. Which colour shall I show\?$/u,
      'grey',
      'beige',
    ],
  ])(
    '(%s) names the other colours of that search, then the colour named next narrows it',
    async (_language, search, ask, answer, current, pick) => {
      const customer = { waId: String(next++) };
      await harness.invoke([sqsRecord(text(customer, search))]);
      await harness.invoke([sqsRecord(text(customer, ask))]);
      const colors = answer.exec(lastText(customer.waId))?.[1]?.split(', ') ?? [];
      expect(colors.length).toBeGreaterThan(1);
      expect(colors).not.toContain(current);

      await harness.invoke([sqsRecord(text(customer, pick))]);
      expect(offeredPrices(bodies(customer.waId).at(-1)).length).toBeGreaterThan(0);
    },
  );

  it('keeps the budget of the search it is about', async () => {
    const customer = { waId: String(next++) };
    await harness.invoke([sqsRecord(text(customer, 'Ищу серый диван до 150 тысяч'))]);
    await harness.invoke([sqsRecord(text(customer, 'а другого цвета?'))]);
    await harness.invoke([sqsRecord(text(customer, 'а бежевый?'))]);
    const prices = offeredPrices(bodies(customer.waId).at(-1));
    expect(prices.length).toBeGreaterThan(0);
    expect(Math.max(...prices)).toBeLessThanOrEqual(150_000);
  });
});
