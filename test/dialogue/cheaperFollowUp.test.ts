import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { offeredPrices, textOf, type SentBody } from '../support/sentMessages';
import { sqsRecord, text } from '../support/sqsEvents';

let harness: ConsumerHarness;
let next = 77060003000;

beforeAll(async () => {
  harness = await startConsumerHarness();
});
afterAll(async () => {
  await harness.close();
});

const lastBody = (waId: string) => (harness.sentTo(waId) as unknown as SentBody[]).at(-1);

describe('«а подешевле?» when nothing in the search is cheaper', () => {
  it('keeps the budget the customer gave: the same search cheapest first, said so, nothing above it', async () => {
    const customer = { waId: String(next++) };
    await harness.invoke([sqsRecord(text(customer, 'Ищу серый диван до 300 тысяч'))]);
    const first = offeredPrices(lastBody(customer.waId));
    expect(first.length).toBeGreaterThan(0);
    expect(Math.max(...first)).toBeLessThanOrEqual(300_000);

    await harness.invoke([sqsRecord(text(customer, 'а подешевле?'))]);
    const answer = lastBody(customer.waId);
    expect(textOf(answer)).toMatch(/^Дешевле в этом поиске ничего нет/u);
    const cheaper = offeredPrices(answer);
    expect(cheaper.length).toBeGreaterThan(0);
    expect(Math.max(...cheaper)).toBeLessThanOrEqual(300_000);
    expect(cheaper).toEqual([...cheaper].sort((a, b) => a - b));
    expect(cheaper[0]).toBe(Math.min(...first));
  });
});

describe('a first search for something cheap', () => {
  it.each([
    ['ru', 'нужен дешёвый диван'],
    ['kk', 'арзан диван керек'],
    ['en', 'I need a cheap sofa'],
  ])('(%s) «%s» lists the sofas cheapest first, from the cheapest of the section', async (_language, message) => {
    const customer = { waId: String(next++) };
    await harness.invoke([sqsRecord(text(customer, message))]);
    const shown = offeredPrices(lastBody(customer.waId));
    expect(shown.length).toBeGreaterThan(1);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));

    await harness.invoke([sqsRecord(text(customer, 'какой самый дешёвый диван?'))]);
    expect(shown[0]).toBe(Math.min(...offeredPrices(lastBody(customer.waId))));
  });
});
