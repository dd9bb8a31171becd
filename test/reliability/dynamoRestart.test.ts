import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedCatalog } from '../../local/embeddedCatalog';
import type { Product } from '../../functions/domain/catalog/product';
import type { LocalRuntime } from '../../local/localRuntime';
import { verifyAnswerSequence } from './support/answerSequence';
import { answeredCategory } from './support/answeredCategory';
import type { AnswerWatch } from './support/answerWatch';
import { startRuntimeOnDisk } from './support/runtimeOnDisk';
import { consumerFaults } from './support/consumerFaults';
import { drainDeadLetters } from './support/deadLetters';
import { loadPlan } from './support/loadPlan';
import { plannedWebhook } from './support/plannedWebhook';
import { seededRandom } from '../../scripts/seededRandom';
import { webhookPoster } from './support/webhookPoster';

const SEED = Number(process.env.RELIABILITY_SEED ?? 20_261_127);
const DOWNTIME_MS = 3_000;
const APP_SECRET = 'local-app-secret';

// No injected failures: the wrapper only records the ones the outage causes.
const CONSUMER_TIMEOUT_MS = 10_000;
const consumer = consumerFaults({
  random: Math.random,
  crashBeforeRate: 0,
  crashAfterRate: 0,
  poison: new Set(),
  timeoutMs: CONSUMER_TIMEOUT_MS,
});

let runtime: LocalRuntime;
let watch: AnswerWatch;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ runtime, watch, close } = await startRuntimeOnDisk('dynamo-restart', {
    consumer: { timeoutMs: CONSUMER_TIMEOUT_MS },
    // Retries come quickly, and enough of them to outlast the outage.
    queue: { visibilityTimeoutSeconds: 2, maxReceiveCount: 20 },
    wrapConsumer: consumer.wrap,
  }));
}, 60_000);

afterAll(async () => close?.());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fault recovery: DynamoDB restarted in the middle of a run', () => {
  it('loses no accepted message: each is answered once, in order, after the database is back', async () => {
    const plan = loadPlan({ customers: 30, messagesPerCustomer: 6, random: seededRandom(SEED) });
    const poster = webhookPoster(runtime.url, APP_SECRET, 8);
    const statuses: number[] = [];
    const all = plan.flatMap((customer) => customer.messages.map((message) => ({ customer, message })));
    const outageAt = Math.floor(all.length / 3);

    const send = async (part: typeof all) => {
      for (const { customer, message } of part) {
        statuses.push(await poster.post(plannedWebhook(customer, message)));
        await sleep(40);
      }
    };

    await send(all.slice(0, outageAt));
    await runtime.dynamo.stop();
    const healthDuringOutage: unknown = await (await fetch(`${runtime.url}/healthz`)).json();
    // Messages keep arriving while the database is down; the webhook queues them without it.
    const outageEndsAt = Date.now() + DOWNTIME_MS;
    let next = outageAt;
    while (Date.now() < outageEndsAt && next < all.length) await send(all.slice(next, ++next));
    await runtime.dynamo.start();
    await send(all.slice(next));

    for (let waited = 0; waited < 90_000; waited += 250) {
      if (runtime.queue.counts().total === 0 && Date.now() - watch.lastActivityAt() > 3_000) break;
      await sleep(250);
    }

    expect(healthDuringOutage).toMatchObject({ dynamodb: false });
    expect(consumer.failures.size, 'records the outage made the consumer fail, to be retried').toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(runtime.queue.counts().total).toBe(0);
    expect(await drainDeadLetters(runtime.deadLetterQueue)).toEqual([]);
    const catalog = new Map<string, Product>(
      embeddedCatalog()
        .all()
        .map((product) => [product.id, product]),
    );
    const problems = plan.flatMap((customer) => {
      const answers = runtime.conversations
        .messages(customer.waId)
        .filter((line) => line.direction === 'out')
        .map((line) => answeredCategory(line.payload, catalog));
      return verifyAnswerSequence(customer.messages, answers, new Set()).problems.map((problem) => `${customer.waId}: ${problem}`);
    });
    expect(problems).toEqual([]);
  }, 180_000);
});
