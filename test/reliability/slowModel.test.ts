import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../local/localRuntime';
import { seededRandom } from '../../scripts/seededRandom';
import { contact, textMessage, webhookBody } from '../support/cloudApiPayloads';
import { furnitureResponder, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { watchAnswers, type AnswerWatch } from './support/answerWatch';
import { CATEGORY_WORDS } from './support/loadPlan';
import { reliabilityScale } from './support/reliabilityScale';
import { webhookPoster } from './support/webhookPoster';

/**
 * A slow OpenAI minute under a campaign: every completion takes 5–10 s, so a
 * model turn (a tool call, then the answer) takes 10–20 s, while customers
 * keep writing. With the stack's settings (a 60 s consumer, batches of 10, a
 * 6-minute visibility timeout) no batch may time out and no record may come
 * back because of who else was in its batch: one slow customer must not make
 * nine others wait, or be answered twice.
 */

const SCALE = reliabilityScale();
const CUSTOMERS = Math.max(20, Math.round(100 * SCALE));
const MESSAGES_PER_CUSTOMER = 2;
const SEED = 20_261_204;
/** As the stack deploys the consumer (lib/constructs/pipeline.ts). */
const CONSUMER = { timeoutMs: 60_000, maximumConcurrency: 5 };
const QUEUE = { visibilityTimeoutSeconds: 360, maxReceiveCount: 5 };

const random = seededRandom(SEED);
const slowModel = () => {
  const responder = furnitureResponder;
  return (request: Parameters<typeof responder>[0]) => {
    const reply = responder(request);
    if (reply === 'hang' || 'afterMs' in reply) return reply;
    return { afterMs: 5_000 + Math.floor(random() * 5_000), reply };
  };
};

let openAi: FakeOpenAiServer;
let runtime: LocalRuntime;
let watch: AnswerWatch;
const deliveries: Array<{ messageId: string; receiveCount: number }> = [];
const runtimeErrors: string[] = [];

beforeAll(async () => {
  openAi = await startFakeOpenAiServer({ defaultResponder: slowModel() });
  runtime = await startLocalRuntime({
    port: 0,
    inMemory: true,
    env: {
      OPENAI_API_KEY: 'test',
      OPENAI_BASE_URL: openAi.baseURL,
      AI_DAILY_BUDGET_USD: '1000',
      AI_ROUTING: 'model',
      LOG_LEVEL: 'SILENT',
    },
    consumer: CONSUMER,
    queue: QUEUE,
    wrapConsumer: (handler) => async (event, context) => {
      for (const record of event.Records as SQSRecord[]) {
        deliveries.push({ messageId: record.messageId, receiveCount: Number(record.attributes.ApproximateReceiveCount) });
      }
      return handler(event, context);
    },
    log: (line) => runtimeErrors.push(line),
  });
  watch = watchAnswers(runtime.conversations);
}, 60_000);

afterAll(async () => {
  watch?.close();
  await runtime?.stop();
  await openAi?.close();
});

describe(`a slow model (10–20 s turns) while ${CUSTOMERS} customers write at once`, () => {
  it('answers every message once, with no batch timing out and no record delivered again', async () => {
    const poster = webhookPoster(runtime.url, 'local-app-secret', 16);
    const words = Object.values(CATEGORY_WORDS);
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CUSTOMERS }, async (_, index) => {
        const waId = String(77050000000 + index);
        for (let position = 0; position < MESSAGES_PER_CUSTOMER; position += 1) {
          const text = `покажите ${words[(index + position) % words.length]}`;
          const body = JSON.stringify(webhookBody({ contacts: [contact(waId)], messages: [textMessage(waId, text)] }));
          expect(await poster.post(body)).toBe(200);
          await watch.answers(waId, position + 1, 120_000);
        }
      }),
    );
    const elapsed = Date.now() - started;

    const unanswered = Array.from({ length: CUSTOMERS }, (_, index) => String(77050000000 + index)).filter(
      (waId) => runtime.conversations.messages(waId).filter((line) => line.direction === 'out').length !== MESSAGES_PER_CUSTOMER,
    );
    console.info(
      `slow model: ${CUSTOMERS * MESSAGES_PER_CUSTOMER} messages from ${CUSTOMERS} customers in ${(elapsed / 1000).toFixed(1)} s; ` +
        `${deliveries.length} records delivered, ${openAi.chatRequests.length} model requests`,
    );
    expect(unanswered).toEqual([]);
    expect(deliveries.filter((delivery) => delivery.receiveCount > 1)).toEqual([]);
    expect(runtimeErrors.filter((line) => /timed out|handler-threw/.test(line))).toEqual([]);
  }, 300_000);
});
