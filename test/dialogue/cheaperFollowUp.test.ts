import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { sqsRecord, text } from '../support/sqsEvents';

let harness: ConsumerHarness;
let next = 77060003000;

beforeAll(async () => {
  harness = await startConsumerHarness();
});
afterAll(async () => {
  await harness.close();
});

type ListBody = {
  interactive?: { body: { text: string }; action: { sections?: Array<{ rows: Array<{ title: string; description?: string }> }> } };
};
const lists = (waId: string) => harness.sentTo(waId) as unknown as ListBody[];
const prices = (body: ListBody | undefined) =>
  (body?.interactive?.action.sections ?? []).flatMap((section) =>
    section.rows.map((row) => Number((/^([\d\u00a0 ]+)₸/u.exec(row.description ?? '')?.[1] ?? '').replace(/\D/gu, ''))),
  );

describe('«а подешевле?» when nothing in the search is cheaper', () => {
  it('keeps the budget the customer gave: the same search cheapest first, said so, nothing above it', async () => {
    const customer = { waId: String(next++) };
    await harness.invoke([sqsRecord(text(customer, 'Ищу серый диван до 300 тысяч'))]);
    const first = prices(lists(customer.waId).at(-1));
    expect(first.length).toBeGreaterThan(0);
    expect(Math.max(...first)).toBeLessThanOrEqual(300_000);

    await harness.invoke([sqsRecord(text(customer, 'а подешевле?'))]);
    const answer = lists(customer.waId).at(-1);
    expect(answer?.interactive?.body.text).toMatch(/^Дешевле в этом поиске ничего нет/u);
    const cheaper = prices(answer);
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
    const shown = prices(lists(customer.waId).at(-1));
    expect(shown.length).toBeGreaterThan(1);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));

    await harness.invoke([sqsRecord(text(customer, 'какой самый дешёвый диван?'))]);
    expect(shown[0]).toBe(Math.min(...prices(lists(customer.waId).at(-1))));
  });
});
