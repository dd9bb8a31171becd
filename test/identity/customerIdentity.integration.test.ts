import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, InboundContent } from '../../functions/domain/whatsapp/inboundMessage';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { textOf, type SentBody } from '../support/sentMessages';
import { inbound, sqsRecord, text } from '../support/sqsEvents';

const MANAGER = '77770000003';
let harness: ConsumerHarness;

beforeAll(async () => {
  harness = await startConsumerHarness({ MANAGER_WA_ID: MANAGER });
});
afterAll(async () => harness.close());

const sentTo = (address: string) => harness.sentTo(address) as unknown as SentBody[];

async function profileOf(key: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await harness.table.document.send(
    new GetCommand({ TableName: harness.table.tableName, Key: { pk: `C#${key}`, sk: 'PROFILE' } }),
  );
  return Item;
}

async function partition(key: string): Promise<Array<Record<string, unknown>>> {
  const { Items } = await harness.table.document.send(
    new QueryCommand({
      TableName: harness.table.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `C#${key}` },
    }),
  );
  return Items ?? [];
}

const system = (identityChange: NonNullable<Extract<InboundContent, { kind: 'system' }>['identityChange']>): InboundContent => ({
  kind: 'system',
  identityChange,
});

describe('a customer known by a phone number, a BSUID or both', () => {
  it('stays one customer when they start withholding their number (username), and is answered at their BSUID', async () => {
    const phone = '77015550101';
    const bsuid = 'KZ.1502576394655801';
    await harness.invoke([sqsRecord(text({ waId: phone, phone, userId: bsuid, name: 'Дана' }, 'хочу серый диван до 300 тысяч'))]);
    // Later the number is withheld: the message names the BSUID only.
    await harness.invoke([sqsRecord(text({ waId: bsuid, userId: bsuid, username: 'dana.home' }, 'что посоветуете?'))]);

    expect(await partition(bsuid)).toEqual([]);
    const profile = await profileOf(phone);
    expect(profile).toMatchObject({ phone, userId: bsuid, username: 'dana.home', name: 'Дана', messageCount: 2 });
    expect(profile?.preferences).toMatchObject({ colors: { grey: expect.any(Number) }, categories: { sofa: expect.any(Number) } });
    // The reply to the withheld-number message went to the BSUID, in `recipient`.
    const toBsuid = sentTo(bsuid);
    expect(toBsuid).toHaveLength(1);
    expect(toBsuid[0]).toMatchObject({ recipient: bsuid });
    expect(toBsuid[0]?.to).toBeUndefined();
  });

  it('moves profile, alerts, opt-out and handoff to the new number when the customer changes it; the old number starts fresh', async () => {
    const oldPhone = '77015550102';
    const newPhone = '77015550202';
    const oldBsuid = 'KZ.1502576394655802';
    const newBsuid = 'KZ.2502576394655802';
    const customer: Customer = { waId: oldPhone, phone: oldPhone, userId: oldBsuid, name: 'Ерлан' };
    await harness.invoke([sqsRecord(text(customer, 'покажите кровати'))]);
    const [list] = sentTo(oldPhone);
    const productId = JSON.stringify(list).match(/product:(BED-\d+)/)?.[1] ?? '';
    await harness.invoke([
      sqsRecord(inbound(customer, { kind: 'reply', replyId: `watch:${productId}`, title: 'Следить', source: 'button' })),
    ]);
    await harness.invoke([sqsRecord(text(customer, 'стоп'))]);
    await harness.invoke([sqsRecord(text({ waId: MANAGER }, 'привет'))]);
    await harness.invoke([sqsRecord(text(customer, 'позовите менеджера'))]);
    expect(await profileOf(oldPhone)).toMatchObject({ optedOut: true, handoff: expect.any(Object) });

    await harness.invoke([
      sqsRecord(
        inbound(
          { waId: oldPhone, phone: oldPhone, userId: oldBsuid },
          system({ previousPhone: oldPhone, newPhone, previousUserId: oldBsuid, newUserId: newBsuid }),
        ),
      ),
    ]);

    expect(await partition(oldPhone)).toEqual([]);
    const moved = await profileOf(newPhone);
    expect(moved).toMatchObject({ name: 'Ерлан', optedOut: true, handoff: expect.any(Object), phone: newPhone, userId: newBsuid });
    const alerts = (await partition(newPhone)).filter((item) => String(item.sk).startsWith('ALERT#'));
    expect(alerts).toEqual([expect.objectContaining({ waId: newPhone, gsi1sk: `C#${newPhone}`, productId })]);
    // Still handed off: the bot keeps quiet at the new number too.
    const before = sentTo(newPhone).length;
    await harness.invoke([sqsRecord(text({ waId: newPhone, phone: newPhone, userId: newBsuid }, 'а когда менеджер ответит?'))]);
    expect(sentTo(newPhone)).toHaveLength(before);
    expect((await partition(newPhone)).filter((item) => String(item.sk).startsWith('MSG#')).length).toBeGreaterThan(2);

    // Someone else gets the old number: a new customer, knowing nothing of Ерлан.
    await harness.invoke([sqsRecord(text({ waId: oldPhone, phone: oldPhone, userId: 'KZ.3502576394655802' }, 'привет'))]);
    const stranger = await profileOf(oldPhone);
    expect(stranger).toMatchObject({ messageCount: 1 });
    expect(stranger?.optedOut).not.toBe(true);
    expect(stranger?.name).toBeUndefined();
    expect(stranger?.handoff).toBeUndefined();
  });

  it('moves a customer known only by BSUID to their new BSUID (user_id_update), and answers them there', async () => {
    const oldBsuid = 'KZ.1502576394655803';
    const newBsuid = 'KZ.2502576394655803';
    await harness.invoke([sqsRecord(text({ waId: oldBsuid, userId: oldBsuid, name: 'Айжан' }, 'покажите кресла'))]);
    await harness.invoke([
      sqsRecord(inbound({ waId: oldBsuid, userId: oldBsuid }, system({ previousUserId: oldBsuid, newUserId: newBsuid }))),
    ]);
    expect(await partition(oldBsuid)).toEqual([]);
    expect(await profileOf(newBsuid)).toMatchObject({ name: 'Айжан', userId: newBsuid });

    await harness.invoke([sqsRecord(text({ waId: newBsuid, userId: newBsuid }, 'что посоветуете?'))]);
    expect(sentTo(newBsuid).at(-1)).toMatchObject({ recipient: newBsuid });
    expect(await profileOf(newBsuid)).toMatchObject({ messageCount: 3 });
  });

  it('hands a BSUID-only customer to the manager with their username, and lets the manager release them by BSUID', async () => {
    const bsuid = 'KZ.1502576394655804';
    await harness.invoke([sqsRecord(text({ waId: MANAGER }, 'привет'))]);
    await harness.invoke([sqsRecord(text({ waId: bsuid, userId: bsuid, username: 'aidos', name: 'Айдос' }, 'позовите менеджера'))]);
    const notice = sentTo(MANAGER).at(-1) as SentBody;
    expect(textOf(notice)).toContain(`@aidos (${bsuid})`);
    expect(notice.interactive?.action.buttons?.[0]?.reply.id).toBe(`release:${bsuid}`);
    await harness.invoke([sqsRecord(text({ waId: MANAGER }, `вернуть ${bsuid}`))]);
    expect(textOf(sentTo(MANAGER).at(-1))).toMatch(/снова с ботом/);
    expect((await profileOf(bsuid))?.handoff).toBeUndefined();
  });

  it('forgets the links from the number and the BSUID with the rest of the customer', async () => {
    const phone = '77015550105';
    const bsuid = 'KZ.1502576394655805';
    const customer = { waId: phone, phone, userId: bsuid };
    await harness.invoke([sqsRecord(text(customer, 'удалите мои данные'))]);
    const question = sentTo(phone).at(-1) as SentBody;
    const yes = question.interactive?.action.buttons?.[0]?.reply.id ?? '';
    await harness.invoke([sqsRecord(inbound(customer, { kind: 'reply', replyId: yes, title: 'Да', source: 'button' }))]);
    for (const identifier of [phone, bsuid]) {
      const { Item } = await harness.table.document.send(
        new GetCommand({ TableName: harness.table.tableName, Key: { pk: `ID#${identifier}`, sk: 'ID' } }),
      );
      expect(Item, identifier).toBeUndefined();
    }
  });
});
