import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedCatalog } from '../../local/embeddedCatalog';
import type { Product } from '../../functions/domain/catalog/product';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { inbound, sqsRecord, text } from '../support/sqsEvents';

let harness: ConsumerHarness;
let next = 77030000100;
const newCustomer = () => ({ waId: String(next++), name: 'Дана' });

interface Row {
  id: string;
  title: string;
}
interface Sent {
  type: string;
  text?: { body: string };
  interactive?: {
    type: string;
    body: { text: string };
    action: { sections?: Array<{ title?: string; rows: Row[] }>; buttons?: Array<{ reply: { id: string; title: string } }> };
  };
}

beforeAll(async () => {
  harness = await startConsumerHarness();
});
afterAll(async () => harness.close());

const sentTo = (waId: string) => harness.sentTo(waId) as unknown as Sent[];
const rowsOf = (message: Sent | undefined) => message?.interactive?.action.sections?.flatMap((section) => section.rows) ?? [];
const productIdsOf = (message: Sent | undefined) =>
  [...rowsOf(message).map((row) => row.id), ...(message?.interactive?.action.buttons ?? []).map((button) => button.reply.id)]
    .filter((id) => id.startsWith('product:'))
    .map((id) => id.slice('product:'.length));

async function product(id: string): Promise<Product> {
  const found = await embeddedCatalog().get(id);
  if (!found) throw new Error(`no product ${id}`);
  return found;
}

async function tap(waId: string, replyId: string, title = '') {
  const response = await harness.invoke([sqsRecord(inbound({ waId }, { kind: 'reply', replyId, title, source: 'list' }))]);
  expect(response.batchItemFailures).toEqual([]);
}

describe('the assistant remembers a customer and recommends from what it learnt', () => {
  it('learns grey + Scandinavian + sofa from the request and the opened card, and recommends by it next time', async () => {
    const customer = newCustomer();
    await harness.invoke([sqsRecord(text(customer, 'хочу серый диван в скандинавском стиле'))]);
    const found = productIdsOf(sentTo(customer.waId)[0]);
    expect(found.length).toBeGreaterThan(0);
    const opened = found[0]!;
    await tap(customer.waId, `product:${opened}`);

    const card = sentTo(customer.waId)[1];
    expect(card?.interactive?.type).toBe('button');
    expect(card?.interactive?.body.text).toMatch(/💡 В пару подойдёт: .+ — [\d\u00a0]+\u00a0₸/);

    await harness.invoke([sqsRecord(text(customer, 'что посоветуете?'))]);
    const recommendation = sentTo(customer.waId)[2];
    const recommended = await Promise.all(productIdsOf(recommendation).map(product));
    expect(recommended.length).toBeGreaterThan(0);
    expect(recommended.map((item) => item.id)).not.toContain(opened);
    expect(recommended.every((item) => item.category === 'sofa')).toBe(true);
    expect(recommended[0]!.color === 'grey' || recommended[0]!.style === 'scandinavian').toBe(true);

    const [profile] = (await harness.table.partition(`C#${customer.waId}`)).filter((item) => item.sk === 'PROFILE');
    expect(profile).toMatchObject({
      preferences: {
        colors: { grey: expect.any(Number) },
        styles: { scandinavian: expect.any(Number) },
        categories: { sofa: expect.any(Number) },
      },
      recentViews: [opened],
    });
  });

  it('keeps the budget across messages: "до 200 тысяч" then "а кровати?" searches beds within it', async () => {
    const customer = newCustomer();
    await harness.invoke([sqsRecord(text(customer, 'покажите шкафы до 200 тысяч'))]);
    await harness.invoke([sqsRecord(text(customer, 'что посоветуете из кроватей?'))]);
    const beds = await Promise.all(productIdsOf(sentTo(customer.waId)[1]).map(product));
    expect(beds.length).toBeGreaterThan(0);
    for (const bed of beds) {
      expect(bed.category).toBe('bed');
      expect(bed.price).toBeLessThanOrEqual(220_000);
    }
  });

  it('shows what other customers viewed next to a product', async () => {
    const [first, second] = (await embeddedCatalog().search({ category: 'armchair', limit: 2 })).map((hit) => hit.product);
    if (!first || !second) throw new Error('need two armchairs');
    const earlier = newCustomer();
    await tap(earlier.waId, `product:${first.id}`);
    await tap(earlier.waId, `product:${second.id}`);

    const later = newCustomer();
    await tap(later.waId, `more:${first.id}`, 'Ещё варианты');
    const more = sentTo(later.waId)[0];
    const alsoViewed = more?.interactive?.action.sections?.find((section) => section.title === 'Также смотрят');
    expect(alsoViewed?.rows.map((row) => row.id)).toContain(`product:${second.id}`);
    const complements = more?.interactive?.action.sections?.find((section) => section.title === 'Подойдёт в пару');
    for (const row of complements?.rows ?? []) expect((await product(row.id.slice(8))).category).not.toBe('armchair');
  });
});
