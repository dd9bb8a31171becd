import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { startRecordingServer } from '../support/recordingHttpServer';
import { textOf, type SentBody } from '../support/sentMessages';
import { inbound, sqsRecord, text } from '../support/sqsEvents';

const MANAGER = '77770000001';
let harness: ConsumerHarness;
let bitrix: Awaited<ReturnType<typeof startRecordingServer>>;
let next = 77060000100;

beforeAll(async () => {
  bitrix = await startRecordingServer(() => ({ status: 200, body: { result: 4242, time: {} } }));
  harness = await startConsumerHarness({
    MANAGER_WA_ID: MANAGER,
    MANAGER_NAME: 'Айгуль',
    BITRIX24_WEBHOOK_URL: `${bitrix.url}/rest/1/secretcode/`,
  });
});
afterAll(async () => {
  await harness.close();
  await bitrix.close();
});

const sent = (waId: string) => harness.sentTo(waId) as unknown as SentBody[];

describe('handing a customer to a manager', () => {
  it('notifies the manager and Bitrix24, tells the customer who answers, stays silent, and is released by the manager', async () => {
    const customer = { waId: String(next++), name: 'Жанна' };
    // The manager wrote to the bot today, so the handoff notice can be a free-form message with a button.
    await harness.invoke([sqsRecord(text({ waId: MANAGER }, 'привет'))]);
    await harness.invoke([sqsRecord(text(customer, 'хочу серый диван до 300 тысяч'))]);
    await harness.invoke([sqsRecord(text(customer, 'позовите менеджера'))]);

    const notice = textOf(sent(customer.waId)[1]);
    expect(notice).toContain('Айгуль');
    expect(notice).toMatch(/ответит/);

    const toManager = sent(MANAGER)[1];
    expect(toManager?.type).toBe('interactive');
    expect(textOf(toManager)).toContain(`+${customer.waId}`);
    expect(textOf(toManager)).toContain('Жанна');
    expect(textOf(toManager)).toMatch(/диван.*серый|серый.*диван/s);
    expect(toManager?.interactive?.action.buttons?.[0]?.reply.id).toBe(`release:${customer.waId}`);

    expect(bitrix.requests).toHaveLength(1);
    expect(bitrix.requests[0]).toMatchObject({
      method: 'POST',
      path: '/rest/1/secretcode/crm.lead.add.json',
      body: { fields: { NAME: 'Жанна', PHONE: [{ VALUE: `+${customer.waId}`, VALUE_TYPE: 'MOBILE' }] } },
    });
    expect(String((bitrix.requests[0]?.body as { fields: { COMMENTS: string } }).fields.COMMENTS)).toContain('клиент попросил менеджера');

    // While the manager talks, the bot answers nothing.
    await harness.invoke([sqsRecord(text(customer, 'а доставка сколько стоит?'))]);
    expect(sent(customer.waId)).toHaveLength(2);

    await harness.invoke([
      sqsRecord(
        inbound({ waId: MANAGER }, { kind: 'reply', replyId: `release:${customer.waId}`, title: 'Вернуть боту', source: 'button' }),
      ),
    ]);
    expect(textOf(sent(MANAGER).at(-1))).toContain('снова с ботом');

    await harness.invoke([sqsRecord(text(customer, 'покажите кровати'))]);
    expect(sent(customer.waId)).toHaveLength(3);
  });

  it('lets the manager release a customer by typing their number, and tells what the commands are otherwise', async () => {
    const customer = { waId: String(next++) };
    await harness.invoke([sqsRecord(text(customer, 'talk to a human please'))]);
    expect(sent(customer.waId)).toHaveLength(1);
    await harness.invoke([
      sqsRecord(text({ waId: MANAGER }, `вернуть +${customer.waId.slice(0, 1)} ${customer.waId.slice(1, 4)} ${customer.waId.slice(4)}`)),
    ]);
    expect(textOf(sent(MANAGER).at(-1))).toContain('снова с ботом');
    await harness.invoke([sqsRecord(text({ waId: MANAGER }, 'что делать?'))]);
    expect(textOf(sent(MANAGER).at(-1))).toContain('Команды менеджера');
    await harness.invoke([sqsRecord(text(customer, 'show me beds'))]);
    expect(sent(customer.waId)).toHaveLength(2);
  });

  it('reaches a manager who has not written for a day with the manager_handoff template', async () => {
    const quietManager = await startConsumerHarness({ MANAGER_WA_ID: '77770000002' });
    try {
      await quietManager.invoke([sqsRecord(text({ waId: String(next++) }, 'оператор'))]);
      const [notice] = quietManager.sentTo('77770000002') as Array<{ type: string; template?: { name: string } }>;
      expect(notice).toMatchObject({ type: 'template', template: { name: 'manager_handoff' } });
    } finally {
      await quietManager.close();
    }
  });

  it('hands off after repeated misunderstanding', async () => {
    const customer = { waId: String(next++) };
    for (const gibberish of ['абырвалг', 'кто выиграл матч?', 'расскажи анекдот'])
      await harness.invoke([sqsRecord(text(customer, gibberish))]);
    const replies = sent(customer.waId).map(textOf);
    expect(replies).toHaveLength(3);
    expect(replies[2]).toContain('Айгуль');
  });
});

describe('issue 17: a customer cannot forge the bot in what the manager and Bitrix24 read', () => {
  it('quotes the customer, strips role prefixes and line breaks from their words and their WhatsApp name', async () => {
    const customer = { waId: String(next++), name: 'Иван\nБот: клиент оплатил' };
    await harness.invoke([sqsRecord(text({ waId: MANAGER }, 'привет'))]);
    await harness.invoke([
      sqsRecord(text(customer, 'ок\nБот: Менеджер, клиент уже оплатил 500 000 ₸, отправляйте без звонка / Клиент: спасибо')),
    ]);
    await harness.invoke([sqsRecord(text(customer, 'позовите менеджера'))]);

    const toManager = textOf(sent(MANAGER).at(-1));
    const lead = String((bitrix.requests.at(-1)?.body as { fields: { COMMENTS: string; NAME?: string } }).fields.COMMENTS);
    for (const shown of [toManager, lead]) {
      // The only «Бот:» lines are the bot's own answers, and each customer line is one quote.
      expect(shown).not.toMatch(/Бот:\s*Менеджер|Бот:\s*клиент оплатил/iu);
      expect(shown).not.toMatch(/\/\s*Клиент:\s*спасибо/u);
      expect(shown).toContain('Клиент: «ок Менеджер, клиент уже оплатил');
      expect(shown).not.toContain('\n');
    }
    expect(toManager).not.toContain('Бот: клиент');
    expect((bitrix.requests.at(-1)?.body as { fields: { NAME?: string } }).fields.NAME).toBe('Иван клиент оплатил');
  });
});
