import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerRef } from '../../functions/observability/customerRef';
import { DynamoCostLedger } from '../../functions/adapters/dynamodb/dynamoCostLedger';
import { MEDIA_BUCKET, startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { inbound, sqsRecord, text } from '../support/sqsEvents';

let harness: ConsumerHarness;
let s3: S3Client;

beforeAll(async () => {
  // A manager to hand customers to: erasure must still work during a handoff.
  harness = await startConsumerHarness({ MANAGER_WA_ID: '77770000009' });
  s3 = new S3Client({ endpoint: harness.s3.endpoint, forcePathStyle: true, region: 'us-east-1' });
});
afterAll(async () => {
  s3.destroy();
  await harness.close();
});

const tap = (waId: string, replyId: string) =>
  harness.invoke([sqsRecord(inbound({ waId }, { kind: 'reply', replyId, title: '', source: 'button' }))]);

async function itemsMentioning(waId: string): Promise<Array<Record<string, unknown>>> {
  const { Items = [] } = await harness.table.document.send(new ScanCommand({ TableName: harness.table.tableName }));
  return Items.filter((item) => JSON.stringify(item).includes(waId));
}

describe('"удалите мои данные"', () => {
  it('asks first, then leaves no item about the customer in the table and no object in the bucket', async () => {
    const customer = { waId: '77090000101', name: 'Алия' };
    await harness.invoke([sqsRecord(text(customer, 'хочу белый шкаф до 250 тысяч'))]);
    await tap(customer.waId, 'product:WRD-001');
    await tap(customer.waId, 'watch:WRD-001');
    const staged = `voice/${customerRef(customer.waId)}/wamid.voice1.ogg`;
    await s3.send(new PutObjectCommand({ Bucket: MEDIA_BUCKET, Key: staged, Body: Buffer.from('OggS') }));
    expect((await itemsMentioning(customer.waId)).length).toBeGreaterThan(3);

    await harness.invoke([sqsRecord(text(customer, 'удалите мои данные'))]);
    const question = harness.sentTo(customer.waId).at(-1) as { interactive: { action: { buttons: Array<{ reply: { id: string } }> } } };
    const [yes, no] = question.interactive.action.buttons.map((button) => button.reply.id);
    expect(yes).toMatch(/^forget:yes:\w{16,}$/);
    expect(no).toBe('forget:no');
    expect((await itemsMentioning(customer.waId)).length).toBeGreaterThan(3);

    await tap(customer.waId, yes as string);
    const done = harness.sentTo(customer.waId).at(-1) as { text: { body: string } };
    expect(done.text.body).toContain('удалила все ваши данные');

    // WhatsApp then reports the last message delivered: a status must not bring the customer back.
    const doneStatus = harness.graph.statuses.filter((status) => status.recipient_id === customer.waId).at(-1);
    if (doneStatus === undefined) throw new Error('no status for the last message');
    await harness.invoke([
      sqsRecord({
        v: 1,
        kind: 'status',
        receivedAt: Date.now(),
        phoneNumberId: '100000000000001',
        status: { messageId: doneStatus.id, state: 'read', timestamp: Date.now(), recipientId: customer.waId },
      }),
    ]);
    expect(await harness.table.partition(`C#${customer.waId}`)).toEqual([]);
    expect(await itemsMentioning(customer.waId)).toEqual([]);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: MEDIA_BUCKET, Prefix: `voice/${customerRef(customer.waId)}/` }));
    expect(listed.Contents ?? []).toEqual([]);
  });

  it('keeps everything when the customer says no', async () => {
    const customer = { waId: '77090000102' };
    await harness.invoke([sqsRecord(text(customer, 'delete my data'))]);
    await tap(customer.waId, 'forget:no');
    const kept = harness.sentTo(customer.waId).at(-1) as { text: { body: string } };
    expect(kept.text.body).toMatch(/ничего не удаляю|nothing is deleted/);
    expect((await harness.table.partition(`C#${customer.waId}`)).some((item) => item.sk === 'PROFILE')).toBe(true);
  });

  it('erases only on the confirmation just asked for: not a bare forget:yes, not a made-up or an old nonce, and once', async () => {
    const customer = { waId: '77090000103' };
    await harness.invoke([sqsRecord(text(customer, 'хочу серый диван'))]);
    const kept = async () => (await harness.table.partition(`C#${customer.waId}`)).some((item) => item.sk === 'PROFILE');

    // A crafted client sends the confirmation nobody asked for.
    await tap(customer.waId, 'forget:yes');
    await tap(customer.waId, 'forget:yes:0123456789abcdef0123');
    expect(await kept()).toBe(true);
    expect((harness.sentTo(customer.waId).at(-1) as { text: { body: string } }).text.body).toContain('ничего не удалила');

    // Asked twice: only the latest button erases.
    const ask = async () => {
      await harness.invoke([sqsRecord(text(customer, 'удалите мои данные'))]);
      const question = harness.sentTo(customer.waId).at(-1) as { interactive: { action: { buttons: Array<{ reply: { id: string } }> } } };
      return question.interactive.action.buttons[0]?.reply.id as string;
    };
    const old = await ask();
    const latest = await ask();
    await tap(customer.waId, old);
    expect(await kept()).toBe(true);
    await tap(customer.waId, latest);
    expect(await kept()).toBe(false);
  });

  it('still carries out opting out and erasure for a customer handed to a manager', async () => {
    const customer = { waId: '77090000104' };
    await harness.invoke([sqsRecord(text(customer, 'хочу серый диван'))]);
    await harness.invoke([sqsRecord(text(customer, 'позовите менеджера'))]);
    const handedOff = harness.sentTo(customer.waId).length;

    await harness.invoke([sqsRecord(text(customer, 'а доставка есть?'))]);
    expect(harness.sentTo(customer.waId)).toHaveLength(handedOff);

    await harness.invoke([sqsRecord(text(customer, 'стоп'))]);
    const profile = (await harness.table.partition(`C#${customer.waId}`)).find((item) => item.sk === 'PROFILE');
    expect(profile?.optedOut).toBe(true);

    await harness.invoke([sqsRecord(text(customer, 'удалите мои данные'))]);
    const question = harness.sentTo(customer.waId).at(-1) as { interactive: { action: { buttons: Array<{ reply: { id: string } }> } } };
    await tap(customer.waId, question.interactive.action.buttons[0]?.reply.id as string);
    expect(await harness.table.partition(`C#${customer.waId}`)).toEqual([]);
  });

  it('leaves no cost-ledger row that the number leads back to, and a returning customer is someone new to the ledger', async () => {
    const customer = { waId: '77090000105' };
    const ledger = new DynamoCostLedger(harness.table.document, harness.table.tableName);
    const today = new Date().toISOString().slice(0, 10);
    const refsSince = async (before: number) => (await ledger.rowsBetween(today, today)).slice(before).map((row) => row.customerRef);

    const start = (await ledger.rowsBetween(today, today)).length;
    await harness.invoke([sqsRecord(text(customer, 'хочу серый диван'))]);
    await harness.invoke([sqsRecord(text(customer, 'удалите мои данные'))]);
    const [before] = await refsSince(start);
    expect(before).toBeDefined();
    const question = harness.sentTo(customer.waId).at(-1) as { interactive: { action: { buttons: Array<{ reply: { id: string } }> } } };
    await tap(customer.waId, question.interactive.action.buttons[0]?.reply.id as string);

    // The number and the pseudonym key cannot find the rows: they are not keyed by the number's hash.
    const rows = await ledger.rowsBetween(today, today);
    expect(rows.map((row) => row.customerRef)).not.toContain(customerRef(customer.waId));
    expect(JSON.stringify(rows)).not.toContain(customer.waId);
    // Coming back, the customer starts a new pseudonym.
    const mark = rows.length;
    await harness.invoke([sqsRecord(text(customer, 'привет'))]);
    const [after] = await refsSince(mark);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });
});
