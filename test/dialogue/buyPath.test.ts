import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { inbound, sqsRecord, text } from '../support/sqsEvents';

const MANAGER = '77770000021';
let alone: ConsumerHarness;
let manned: ConsumerHarness;
let next = 77060002000;

beforeAll(async () => {
  [alone, manned] = await Promise.all([startConsumerHarness(), startConsumerHarness({ MANAGER_WA_ID: MANAGER, MANAGER_NAME: 'Ержан' })]);
  // The manager wrote to the bot today, so handoff notices reach them free-form.
  await manned.invoke([sqsRecord(text({ waId: MANAGER }, 'привет'))]);
});
afterAll(async () => {
  await Promise.all([alone.close(), manned.close()]);
});

type Body = {
  text?: { body: string };
  interactive?: {
    body: { text: string };
    action: { buttons?: Array<{ reply: { id: string } }>; sections?: Array<{ rows: Array<{ id: string }> }> };
  };
};
const bodies = (harness: ConsumerHarness, waId: string) => harness.sentTo(waId) as unknown as Body[];
const textOf = (body: Body | undefined) => body?.text?.body ?? body?.interactive?.body.text ?? '';
const lastText = (harness: ConsumerHarness, waId: string) => textOf(bodies(harness, waId).at(-1));
const firstRow = (body: Body | undefined) =>
  body?.interactive?.action.sections?.[0]?.rows[0]?.id ?? body?.interactive?.action.buttons?.[0]?.reply.id ?? '';
const tap = (customer: { waId: string }, replyId: string) =>
  sqsRecord(inbound(customer, { kind: 'reply', replyId, title: replyId, source: 'button' }));

describe('the buy path without a manager (the default npm start)', () => {
  it('confirms the choice with its price, says exactly what to send and when staff confirm, then notes the details', async () => {
    const customer = { waId: String(next++) };
    await alone.invoke([sqsRecord(text(customer, 'покажите белые комоды'))]);
    await alone.invoke([tap(customer, firstRow(bodies(alone, customer.waId)[0]))]);
    await alone.invoke([sqsRecord(text(customer, 'беру, как заказать?'))]);
    const instructions = lastText(alone, customer.waId);
    expect(instructions).toMatch(/Отличный выбор: Комод «.+» — [\d\u00a0 ]+₸/u);
    expect(instructions).toMatch(/город, адрес доставки и удобный способ оплаты/u);
    expect(instructions).toContain('пн–сб с 09:00 до 20:00');
    expect(bodies(alone, customer.waId).length).toBe(3);

    await alone.invoke([sqsRecord(text(customer, 'Алматы, Абая 150, кв 12, оплата наличными'))]);
    expect(lastText(alone, customer.waId)).toMatch(/^Записала ✅/u);
    await alone.invoke([sqsRecord(text(customer, 'спасибо'))]);
    expect(lastText(alone, customer.waId)).toMatch(/^Пожалуйста/u);
  });

  it('answers «менеджер» with what to do instead of «no manager», in the customer’s language', async () => {
    const customer = { waId: String(next++) };
    await alone.invoke([sqsRecord(text(customer, 'маған ақ шкаф керек'))]);
    await alone.invoke([sqsRecord(text(customer, 'менеджер'))]);
    const answer = lastText(alone, customer.waId);
    expect(answer).toContain('жұмыс уақытында');
    expect(answer).not.toMatch(/менеджер жоқ|менеджеров нет/u);
  });

  it('answers the 🛒 button the same way', async () => {
    const customer = { waId: String(next++) };
    await alone.invoke([sqsRecord(text(customer, 'тумба под тв'))]);
    const product = firstRow(bodies(alone, customer.waId)[0]).replace('product:', '');
    await alone.invoke([tap(customer, `buy:${product}`)]);
    expect(lastText(alone, customer.waId)).toMatch(/адрес доставки/u);
  });
});

describe('the buy path with a manager', () => {
  it('hands the order to the manager with the product, and tells the customer who answers', async () => {
    const customer = { waId: String(next++), name: 'Дана' };
    await manned.invoke([sqsRecord(text(customer, 'покажите белые комоды'))]);
    const product = firstRow(bodies(manned, customer.waId)[0]).replace('product:', '');
    await manned.invoke([tap(customer, `product:${product}`)]);
    await manned.invoke([sqsRecord(text(customer, 'хочу его заказать'))]);
    const answer = lastText(manned, customer.waId);
    expect(answer).toMatch(/Отличный выбор/u);
    expect(answer).toContain('Ержан');
    const toManager = textOf((manned.sentTo(MANAGER) as unknown as Body[]).at(-1));
    expect(toManager).toContain(`+${customer.waId}`);
    expect(toManager).toContain('Хочет оформить заказ: Комод');
    expect(toManager).toContain(`(${product})`);
  });

  it('calls the manager after three messages in a row it does not understand, in Kazakh for a Kazakh customer', async () => {
    const customer = { waId: String(next++) };
    for (const said of ['ауа райы қандай', 'футболды кім ұтады', 'әзіл айтшы']) await manned.invoke([sqsRecord(text(customer, said))]);
    expect(lastText(manned, customer.waId)).toContain('менеджерге (Ержан)');
    expect(textOf((manned.sentTo(MANAGER) as unknown as Body[]).at(-1))).toContain(`+${customer.waId}`);
  });
});
