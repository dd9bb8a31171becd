import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { SPEND_SHARDS } from '../../functions/adapters/dynamodb/dynamoAiSpendLedger';
import { startFakeOpenAiServer, toolCallCompletion, type FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { sqsRecord, text } from '../support/sqsEvents';

let openAi: FakeOpenAiServer;
let harness: ConsumerHarness;

beforeAll(async () => {
  openAi = await startFakeOpenAiServer();
  // A budget a single model turn exceeds: priced from data/pricing.json, a turn of a few thousand tokens costs well over $0.0001.
  harness = await startConsumerHarness({
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: openAi.baseURL,
    AI_DAILY_BUDGET_USD: '0.0001',
    // Every text to the model, so that the cap is what stops it.
    AI_ROUTING: 'model',
  });
});
afterAll(async () => {
  await harness.close();
  await openAi.close();
});

describe('the daily OpenAI spending cap', () => {
  it('lets the model answer until the day is spent, then the offline assistant answers', async () => {
    await harness.invoke([sqsRecord(text({ waId: '77100000001' }, 'хочу серый диван до 300 тысяч'))]);
    const modelCalls = openAi.chatRequests.length;
    expect(modelCalls).toBeGreaterThan(0);

    await harness.invoke([sqsRecord(text({ waId: '77100000002' }, 'покажите кровати'))]);
    expect(openAi.chatRequests).toHaveLength(modelCalls);
    const [reply] = harness.sentTo('77100000002') as Array<{ interactive?: { type: string } }>;
    expect(reply?.interactive?.type).toBe('list');

    expect(await spentToday()).toBeGreaterThan(100);
  });
});

/** The shop's day, as the budget reads it: the sum of the sharded counters. */
async function spentToday(): Promise<number> {
  const day = new Date().toISOString().slice(0, 10);
  const shards = await Promise.all(
    Array.from({ length: SPEND_SHARDS }, (_, shard) => harness.table.partition(`SPEND#${day}#${String(shard).padStart(2, '0')}`)),
  );
  return shards.flat().reduce((sum, item) => sum + Number(item.microUsd ?? 0), 0);
}

describe('issue 17: every model call is booked, capped, and a customer has their own cap', () => {
  let budgeted: ConsumerHarness;
  let model: FakeOpenAiServer;

  beforeAll(async () => {
    model = await startFakeOpenAiServer();
    budgeted = await startConsumerHarness({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: model.baseURL,
      AI_ROUTING: 'model',
      AI_CUSTOMER_DAILY_BUDGET_USD: '0.0002',
    });
  });
  afterAll(async () => Promise.all([budgeted.close(), model.close()]));

  const spendOf = async (waId: string) =>
    (await budgeted.table.partition(`C#${waId}`))
      .filter((item) => String(item.sk).startsWith('AISPEND#'))
      .reduce((sum, item) => sum + Number(item.microUsd), 0);

  it('books a tool round whose turn then fails over to the offline assistant, and caps each reply', async () => {
    const failing = () => ({ status: 500, body: { error: { message: 'The server had an error', type: 'server_error' } } });
    model.respondWith(() => toolCallCompletion([{ name: 'search_products', arguments: { category: 'sofa' } }]), failing, failing);
    await budgeted.invoke([sqsRecord(text({ waId: '77100001701' }, 'хочу диван'))]);
    // The customer was answered offline, and the round the model did answer is on the bill all the same.
    expect(budgeted.sentTo('77100001701')).toHaveLength(1);
    expect(await spendOf('77100001701')).toBeGreaterThan(0);
    expect(
      model.chatRequests.every((request) => typeof request.max_completion_tokens === 'number' && request.max_completion_tokens <= 1_000),
    ).toBe(true);
  });

  it('stops calling the model for a customer past their day, and still serves the others', async () => {
    const heavy = { waId: '77100001702' };
    await budgeted.invoke([sqsRecord(text(heavy, 'хочу серый диван до 300 тысяч'))]);
    await budgeted.invoke([sqsRecord(text(heavy, 'покажите кровати'))]);
    const calls = model.chatRequests.length;
    await budgeted.invoke([sqsRecord(text(heavy, 'а белые шкафы?'))]);
    expect(model.chatRequests).toHaveLength(calls);
    expect(budgeted.sentTo(heavy.waId)).toHaveLength(3);

    await budgeted.invoke([sqsRecord(text({ waId: '77100001703' }, 'покажите кровати'))]);
    expect(model.chatRequests.length).toBeGreaterThan(calls);
  });
});
