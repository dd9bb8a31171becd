import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { offeredPrices, textOf, type SentBody } from '../support/sentMessages';
import { sqsRecord, text } from '../support/sqsEvents';

let harness: ConsumerHarness;
let next = 77060004000;

beforeAll(async () => {
  harness = await startConsumerHarness();
});
afterAll(async () => {
  await harness.close();
});

const lastBody = (waId: string) => (harness.sentTo(waId) as unknown as SentBody[]).at(-1);

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
      const colors = answer.exec(textOf(lastBody(customer.waId)))?.[1]?.split(', ') ?? [];
      expect(colors.length).toBeGreaterThan(1);
      expect(colors).not.toContain(current);

      await harness.invoke([sqsRecord(text(customer, pick))]);
      expect(offeredPrices(lastBody(customer.waId)).length).toBeGreaterThan(0);
    },
  );

  it('keeps the budget of the search it is about', async () => {
    const customer = { waId: String(next++) };
    await harness.invoke([sqsRecord(text(customer, 'Ищу серый диван до 150 тысяч'))]);
    await harness.invoke([sqsRecord(text(customer, 'а другого цвета?'))]);
    await harness.invoke([sqsRecord(text(customer, 'а бежевый?'))]);
    const prices = offeredPrices(lastBody(customer.waId));
    expect(prices.length).toBeGreaterThan(0);
    expect(Math.max(...prices)).toBeLessThanOrEqual(150_000);
  });
});
