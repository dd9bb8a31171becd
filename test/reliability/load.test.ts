import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedCatalog } from '../../local/embeddedCatalog';
import type { Product } from '../../functions/domain/catalog/product';
import { startLocalRuntime, type LocalRuntime } from '../../local/localRuntime';
import { furnitureResponder, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { answeredCategory } from './support/answeredCategory';
import { verifyAnswerSequence } from './support/answerSequence';
import { watchAnswers, type AnswerWatch } from './support/answerWatch';
import { consumerFaults } from './support/consumerFaults';
import { drainDeadLetters } from './support/deadLetters';
import { flakyModel } from './support/flakyModel';
import { transientGraphFaults } from './support/graphFaults';
import { loadPlan } from './support/loadPlan';
import { plannedWebhook } from './support/plannedWebhook';
import { reliabilityScale } from './support/reliabilityScale';
import { seededRandom, shuffled } from '../../scripts/seededRandom';
import { webhookPoster } from './support/webhookPoster';

const SCALE = reliabilityScale();
const SEED = Number(process.env.RELIABILITY_SEED ?? 20_261_127);
const CUSTOMERS = Math.round(500 * SCALE);
const MESSAGES_PER_CUSTOMER = 10;
// Short enough that every retry, and the three deliveries that dead-letter a poison message, happen within the test.
const QUEUE = { visibilityTimeoutSeconds: 12, maxReceiveCount: 3, deduplicationWindowSeconds: 5 };
// Ten turns of a batch run one after the other, each up to two model calls and Graph retries, all in this one process.
const CONSUMER_TIMEOUT_MS = 10_000;
const APP_SECRET = 'local-app-secret';
const POISON_POSITION = 5;
const IMMEDIATE_DUPLICATE_RATE = 0.1;
const LATE_DUPLICATE_RATE = 0.05;

const random = seededRandom(SEED);
const plan = loadPlan({ customers: CUSTOMERS, messagesPerCustomer: MESSAGES_PER_CUSTOMER, random });
// One bursty customer in a hundred sends a message the consumer can never handle.
const poisoned = shuffled(
  plan.filter((customer) => customer.pacing === 'bursty'),
  random,
).slice(0, Math.max(1, Math.round(CUSTOMERS / 100)));
const poison = new Set(poisoned.map((customer) => customer.messages[POISON_POSITION]!.id));

const consumer = consumerFaults({ random, crashBeforeRate: 0.03, crashAfterRate: 0.03, poison, timeoutMs: CONSUMER_TIMEOUT_MS });
const graph = transientGraphFaults({ random, rate429: 0.08, rate500: 0.08, maxConsecutive: 3 });
const model = flakyModel(furnitureResponder, { random, errorRate: 0.05, hangRate: 0.02 });

let openAi: FakeOpenAiServer;
let runtime: LocalRuntime;
let watch: AnswerWatch;
const errors: string[] = [];

beforeAll(async () => {
  openAi = await startFakeOpenAiServer({ defaultResponder: model.responder });
  runtime = await startLocalRuntime({
    port: 0,
    inMemory: true,
    env: {
      OPENAI_API_KEY: 'test',
      OPENAI_BASE_URL: openAi.baseURL,
      // A hung model costs a turn 0.3 s (and one retry), not the client's default 15 s.
      OPENAI_TIMEOUT_MS: '300',
      AI_DAILY_BUDGET_USD: '1000',
      // The load's texts are plain searches the offline assistant would take: the model's faults need every text.
      AI_ROUTING: 'model',
      LOG_LEVEL: 'SILENT',
    },
    graphFaults: graph.inject,
    wrapConsumer: consumer.wrap,
    // As AWS requires, the queue's visibility timeout outlasts the function's timeout.
    consumer: { timeoutMs: CONSUMER_TIMEOUT_MS, maximumConcurrency: 5 },
    queue: QUEUE,
    log: (line) => errors.push(line),
  });
  graph.activate();
  watch = watchAnswers(runtime.conversations);
}, 60_000);

afterAll(async () => {
  watch?.close();
  await runtime?.stop();
  await openAi?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The queue is empty and nothing has happened for a while: every message is answered or dead-lettered. */
async function settled(quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (runtime.queue.counts().total === 0 && Date.now() - watch.lastActivityAt() >= quietMs) return;
    await sleep(250);
  }
  throw new Error(`the queue never drained: ${JSON.stringify(runtime.queue.counts())}`);
}

describe(`load: ${CUSTOMERS * MESSAGES_PER_CUSTOMER} messages from ${CUSTOMERS} customers through the local pipeline, with faults`, () => {
  it('answers every message exactly once and in order, or dead-letters it with a reason; never loses one', async () => {
    const poster = webhookPoster(runtime.url, APP_SECRET, 16);
    const late: string[] = [];
    const startedAt = Date.now();

    await Promise.all(
      plan.map(async (customer) => {
        for (const [position, message] of customer.messages.entries()) {
          const body = plannedWebhook(customer, message);
          const draw = random();
          const posts = draw < IMMEDIATE_DUPLICATE_RATE ? [poster.post(body), poster.post(body)] : [poster.post(body)];
          // A poison message sent again would only go round to the dead-letter queue again, three visibility timeouts later.
          if (draw >= IMMEDIATE_DUPLICATE_RATE && draw < IMMEDIATE_DUPLICATE_RATE + LATE_DUPLICATE_RATE && !poison.has(message.id)) {
            late.push(body);
          }
          expect(await Promise.all(posts)).toEqual(posts.map(() => 200));
          if (customer.pacing === 'patient') await watch.answers(customer.waId, position + 1, 60_000);
        }
      }),
    );
    const postedAt = Date.now();

    // Meta redelivers for days: past SQS's deduplication window, only the consumer's claims stop these.
    await sleep(QUEUE.deduplicationWindowSeconds * 1_000 + 500);
    expect(await Promise.all(late.map((body) => poster.post(body)))).toEqual(late.map(() => 200));
    await settled(3_000, 120_000);
    const settledAt = Date.now();

    const catalog = new Map<string, Product>(
      embeddedCatalog()
        .all()
        .map((product) => [product.id, product]),
    );
    const deadLetters = await drainDeadLetters(runtime.deadLetterQueue);
    const deadMessages = new Set(
      deadLetters.flatMap((letter) => (letter.whatsAppMessageId === undefined ? [] : [letter.whatsAppMessageId])),
    );
    // A dead letter was delivered maxReceiveCount times and failed for a reason the consumer (or its wrapper) gave.
    const withoutReason = deadLetters.filter(
      (letter) => letter.receiveCount < QUEUE.maxReceiveCount || (consumer.failures.get(letter.messageId) ?? []).length === 0,
    );

    const problems: string[] = [];
    const answeredAndDeadLettered: string[] = [];
    for (const customer of plan) {
      const answers = runtime.conversations
        .messages(customer.waId)
        .filter((line) => line.direction === 'out')
        .map((line) => answeredCategory(line.payload, catalog));
      const verdict = verifyAnswerSequence(customer.messages, answers, deadMessages);
      answeredAndDeadLettered.push(...verdict.answeredAndDeadLettered);
      if (verdict.problems.length > 0) {
        const asked = customer.messages.map((message) => message.category).join(' ');
        problems.push(
          `${customer.waId} (${customer.pacing}) asked ${asked}; answered ${answers.join(' ')}: ${verdict.problems.join('; ')}`,
        );
      }
    }

    console.info(
      `load seed=${SEED}: ${plan.length * MESSAGES_PER_CUSTOMER} messages (+${late.length} late duplicates) in ${((settledAt - startedAt) / 1000).toFixed(1)} s ` +
        `(posted in ${((postedAt - startedAt) / 1000).toFixed(1)} s); webhook ${JSON.stringify(Object.fromEntries(poster.statuses))}; ` +
        `consumer ${JSON.stringify(consumer.counts)}; graph ${JSON.stringify(graph.counts)}; model ${JSON.stringify(model.counts)}; ` +
        `dead letters ${deadLetters.length} (${deadMessages.size} customer messages, ${answeredAndDeadLettered.length} of them answered once all the same)`,
    );
    expect(problems, `${problems.slice(0, 10).join('\n')}\nlocal runtime errors:\n${errors.slice(-5).join('\n')}`).toEqual([]);
    expect(withoutReason).toEqual([]);
    // Every poison message ended in the dead-letter queue, and the faults of each kind did happen.
    for (const id of poison) expect(deadMessages).toContain(id);
    expect(model.counts.errors + model.counts.hangs).toBeGreaterThan(0);
    expect(graph.counts.answered429 + graph.counts.answered500).toBeGreaterThan(0);
    expect(consumer.counts.crashedBefore + consumer.counts.crashedAfter).toBeGreaterThan(0);
  }, 600_000);
});
