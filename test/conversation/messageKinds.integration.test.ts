import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { InboundContent } from '../../functions/domain/whatsapp/inboundMessage';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { startRecordingServer } from '../support/recordingHttpServer';
import { textOf, type SentBody } from '../support/sentMessages';
import { inbound, sqsRecord, text } from '../support/sqsEvents';

const MANAGER = '77770000002';
let harness: ConsumerHarness;
let bitrix: Awaited<ReturnType<typeof startRecordingServer>>;
let next = 77061000100;

beforeAll(async () => {
  bitrix = await startRecordingServer(() => ({ status: 200, body: { result: 77, time: {} } }));
  harness = await startConsumerHarness({ MANAGER_WA_ID: MANAGER, BITRIX24_WEBHOOK_URL: `${bitrix.url}/rest/1/code/` });
});
afterAll(async () => {
  await harness.close();
  await bitrix.close();
});

const sent = (waId: string) => harness.sentTo(waId) as unknown as SentBody[];
const customer = (name?: string) => ({ waId: String(next++), ...(name ? { name } : {}) });

async function say(who: { waId: string }, content: InboundContent, id?: string): Promise<SentBody[]> {
  const before = sent(who.waId).length;
  await harness.invoke([sqsRecord(inbound(who, content, id))]);
  return sent(who.waId).slice(before);
}

describe('a cart from the catalog (order)', () => {
  it('is acknowledged with its items and total in tenge from our catalog, stored once, and passed to the manager and Bitrix24', async () => {
    const who = customer('Дана');
    await harness.invoke([sqsRecord(text({ waId: MANAGER }, 'привет'))]);
    const order: InboundContent = {
      kind: 'order',
      catalogId: '354160437058781',
      note: 'доставка в субботу',
      items: [
        // Priced from our catalog (456 990 ₸), whatever the cart says.
        { productId: 'SOF-001', quantity: 2, itemPrice: 30, currency: 'ILS' },
        // Unknown to our catalog, priced in tenge by the cart.
        { productId: 'GIFT-CARD', quantity: 1, itemPrice: 10000, currency: 'KZT' },
        // Unknown and not in tenge: the manager prices it.
        { productId: 'FRENCH_FRIES', quantity: 3, itemPrice: 35, currency: 'ILS' },
      ],
    };
    const [reply] = await say(who, order, 'wamid.order-1');
    const body = textOf(reply);
    expect(body).toContain('Диван угловой «Монако» букле × 2 — 913\u00a0980\u00a0₸');
    expect(body).toContain('GIFT-CARD × 1 — 10\u00a0000\u00a0₸');
    expect(body).toMatch(/FRENCH_FRIES × 3 — цену уточнит менеджер/);
    expect(body).toContain('923\u00a0980\u00a0₸');

    const toManager = textOf(sent(MANAGER).at(-1));
    expect(toManager).toContain('Заказ');
    expect(toManager).toContain('Дана');
    expect(toManager).toContain('Монако');
    expect(toManager).toContain('доставка в субботу');
    expect(bitrix.requests).toHaveLength(1);
    expect(bitrix.requests[0]?.body).toMatchObject({ fields: { OPPORTUNITY: 923_980, CURRENCY_ID: 'KZT', NAME: 'Дана' } });
    expect(String((bitrix.requests[0]?.body as { fields: { COMMENTS: string } }).fields.COMMENTS)).toContain('FRENCH_FRIES × 3');

    const stored = await harness.table.document.send(
      new QueryCommand({
        TableName: harness.table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :order)',
        ExpressionAttributeValues: { ':pk': `C#${who.waId}`, ':order': 'ORDER#' },
      }),
    );
    expect(stored.Items).toHaveLength(1);
    expect(stored.Items?.[0]).toMatchObject({ sk: 'ORDER#wamid.order-1', total: 923_980, complete: false });

    // The bot keeps answering: an order is not a handoff.
    expect(await say(who, { kind: 'text', text: 'покажите кресла' })).toHaveLength(1);
  });

  it('an empty cart is told so, and nothing is passed on', async () => {
    const who = customer();
    const leadsBefore = bitrix.requests.length;
    const [reply] = await say(who, { kind: 'order', items: [] });
    expect(textOf(reply)).toMatch(/пустой/);
    expect(bitrix.requests).toHaveLength(leadsBefore);
  });
});

describe('a location', () => {
  it('is answered with the showrooms, nearest first, and kept for the manager', async () => {
    const who = customer();
    // Near Astana's showroom.
    const [reply] = await say(who, { kind: 'location', latitude: 51.12, longitude: 71.43, address: 'Астана, ул. Кенесары, 40' });
    const body = textOf(reply);
    expect(body.indexOf('ZETA Астана')).toBeGreaterThan(-1);
    expect(body.indexOf('ZETA Астана')).toBeLessThan(body.indexOf('ZETA на Абая'));
    expect(body).toMatch(/~\d+ км/);
    const { Items } = await harness.table.document.send(
      new QueryCommand({
        TableName: harness.table.tableName,
        KeyConditionExpression: 'pk = :pk AND sk = :profile',
        ExpressionAttributeValues: { ':pk': `C#${who.waId}`, ':profile': 'PROFILE' },
      }),
    );
    expect(Items?.[0]?.location).toMatchObject({ latitude: 51.12, longitude: 71.43, address: 'Астана, ул. Кенесары, 40' });

    // The manager sees it when the customer asks for a person.
    await harness.invoke([sqsRecord(text({ waId: MANAGER }, 'привет'))]);
    await say(who, { kind: 'text', text: 'позовите менеджера' });
    expect(textOf(sent(MANAGER).at(-1))).toContain('Кенесары');
  });

  it('without coordinates lists the showrooms in their configured order', async () => {
    const [reply] = await say(customer(), { kind: 'location', name: 'LOCATION_NAME' });
    const body = textOf(reply);
    expect(body).not.toMatch(/км/);
    expect(body.indexOf('ZETA на Абая')).toBeLessThan(body.indexOf('ZETA Астана'));
  });
});

describe('other kinds of message', () => {
  it('an edited message is answered as its new text; a deleted one is not answered', async () => {
    const who = customer();
    const [edited] = await say(who, { kind: 'edit', originalMessageId: 'wamid.first', text: 'покажите кровати' });
    expect(edited?.type).toBe('interactive');
    expect(JSON.stringify(edited)).toMatch(/product:BED-/);
    expect(await say(who, { kind: 'revoke', originalMessageId: 'wamid.first' })).toEqual([]);
  });

  it('a flow form, a call permission, a video, a sticker and contacts each get their own answer', async () => {
    const who = customer();
    const answers = [
      textOf((await say(who, { kind: 'flow_reply', name: 'flow', body: 'Sent' }))[0]),
      textOf((await say(who, { kind: 'call_permission', accepted: true }))[0]),
      textOf((await say(who, { kind: 'call_permission', accepted: false }))[0]),
      textOf((await say(who, { kind: 'other_media', mediaType: 'video' }))[0]),
      textOf((await say(who, { kind: 'other_media', mediaType: 'document' }))[0]),
      textOf((await say(who, { kind: 'other_media', mediaType: 'sticker' }))[0]),
      textOf((await say(who, { kind: 'contacts', count: 2 }))[0]),
    ];
    expect(answers[0]).toMatch(/ответы получены/);
    expect(answers[1]).toMatch(/сможет позвонить/);
    expect(answers[2]).toMatch(/звонить не будем/);
    expect(answers[3]).toMatch(/Видео/);
    expect(answers[4]).toMatch(/Файл/);
    expect(answers[5]).toMatch(/Чем помочь/);
    expect(answers[6]).toMatch(/контакт/);
    for (const answer of answers) expect(answer).not.toMatch(/Я понимаю текст, голосовые/);
  });

  it('a captioned video is answered by its caption', async () => {
    const [reply] = await say(customer(), { kind: 'other_media', mediaType: 'video', caption: 'хочу такой шкаф' });
    expect(JSON.stringify(reply)).toMatch(/product:WRD-/);
  });

  it('a tap on a button we do not know brings the sections, not "I understand text…"', async () => {
    const [reply] = await say(customer(), { kind: 'reply', replyId: 'callback_data', title: 'title', source: 'button' });
    expect(reply?.interactive?.type).toBe('list');
    expect(textOf(reply)).toMatch(/кнопка уже не действует/);
    expect(reply?.interactive?.action.sections?.[0]?.rows[0]?.id).toMatch(/^category:/);
  });

  it('a broken message gets one polite request to send it again, however many came in the turn', async () => {
    const who = customer();
    await harness.invoke([
      sqsRecord(inbound(who, { kind: 'unreadable', originalType: 'interactive', errorCode: 131000 })),
      sqsRecord(inbound(who, { kind: 'unreadable', originalType: 'text' })),
    ]);
    const replies = sent(who.waId);
    expect(replies).toHaveLength(1);
    expect(textOf(replies[0])).toMatch(/Не получилось прочитать/);
  });
});
