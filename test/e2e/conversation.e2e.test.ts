import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedCatalog } from '../../local/embeddedCatalog';
import { chat, sendAsCustomer, startZeta, waitForChat, type RunningZeta } from '../support/runningZeta';

let zeta: RunningZeta;
const catalog = embeddedCatalog();

beforeAll(async () => {
  zeta = await startZeta();
}, 60_000);

afterAll(async () => zeta?.stop());

interface Reply {
  text: string;
  productIds: string[];
}

/** One customer message through the simulator API (signed webhook, queue, consumer), and what came back for it. */
async function say(waId: string, body: string): Promise<Reply> {
  const answered = (await chat(zeta.url, waId)).filter((line) => line.direction === 'out').length;
  await sendAsCustomer(zeta.url, { from: waId, type: 'text', text: { body } });
  const lines = await waitForChat(zeta.url, waId, (all) => all.filter((line) => line.direction === 'out').length > answered, 20_000);
  const payloads = lines
    .filter((line) => line.direction === 'out')
    .slice(answered)
    .map((line) => line.payload) as Array<{
    text?: { body: string };
    interactive?: {
      body: { text: string };
      action: { buttons?: Array<{ reply: { id: string } }>; sections?: Array<{ rows: Array<{ id: string }> }> };
    };
  }>;
  const ids = payloads.flatMap((payload) => [
    ...(payload.interactive?.action.sections ?? []).flatMap((section) => section.rows.map((row) => row.id)),
    ...(payload.interactive?.action.buttons ?? []).map((button) => button.reply.id),
  ]);
  return {
    text: payloads.map((payload) => payload.text?.body ?? payload.interactive?.body.text ?? '').join('\n'),
    productIds: [...new Set(ids.filter((id) => /^(product|buy):/.test(id)).map((id) => id.replace(/^[a-z]+:/, '')))],
  };
}

const products = async (reply: Reply) => Promise.all(reply.productIds.map(async (id) => (await catalog.get(id))!));

describe('npm start: a conversation, not a search box', () => {
  it('follows a Russian customer from a search to an order with no manager configured', async () => {
    const waId = '77015551601';
    const beds = await products(await say(waId, 'нужна двуспальная кровать'));
    expect(beds.every((bed) => bed.category === 'bed')).toBe(true);

    const white = await say(waId, 'а в белом есть?');
    const whiteBeds = await products(white);
    expect(whiteBeds.length).toBeGreaterThan(1);
    for (const bed of whiteBeds) expect([bed.category, bed.color]).toEqual(['bed', 'white']);

    const second = await say(waId, 'покажи вторую');
    expect(second.productIds).toEqual([white.productIds[1]]);

    expect((await say(waId, 'какой у неё размер?')).text).toMatch(/спальное место \d+×\d+ см/u);
    expect((await say(waId, 'доставка в Астану есть?')).text).toContain('Астан');

    const order = await say(waId, 'беру, как заказать?');
    expect(order.text).toMatch(/Отличный выбор/u);
    expect(order.text).toMatch(/адрес доставки/u);
    expect((await say(waId, 'Астана, ул. Кенесары 40, оплата Kaspi')).text).toMatch(/^Записала/u);
  }, 120_000);

  it('keeps a Kazakh customer in Kazakh, with their filters, ordinals and thanks', async () => {
    const waId = '77015551602';
    await say(waId, 'сәлеметсіз бе, кереует керек');
    const white = await say(waId, 'ақ түсті, 300 мыңға дейін');
    for (const bed of await products(white)) {
      expect([bed.category, bed.color]).toEqual(['bed', 'white']);
      expect(bed.price).toBeLessThanOrEqual(300_000);
    }
    expect((await say(waId, '2шы көрсетші')).productIds).toEqual([white.productIds[1]]);
    expect((await say(waId, 'рахмет')).text).toMatch(/Оқасы жоқ/u);
  }, 120_000);
});
