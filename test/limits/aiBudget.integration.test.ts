import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fakeOpenAiServer';
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

    const [spend] = (await harness.table.partition(`SPEND#${new Date().toISOString().slice(0, 10)}`)) as Array<{ microUsd: number }>;
    expect(spend?.microUsd).toBeGreaterThan(100);
  });
});
