import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../local/localRuntime';
import { contact, textMessage, webhookBody } from '../support/cloudApiPayloads';
import { watchAnswers, type AnswerWatch } from './support/answerWatch';
import { badRequest, oddBody, oversized, type BadRequest } from './support/badWebhooks';
import { reliabilityScale } from './support/reliabilityScale';
import { seededRandom } from '../../scripts/seededRandom';
import { webhookPoster } from './support/webhookPoster';

const SEED = Number(process.env.RELIABILITY_SEED ?? 20_261_127);
// Thousands even in `npm test`; the full run sends 10,000.
const BAD_REQUESTS = Math.max(2_000, Math.round(10_000 * reliabilityScale()));
// Each a customer of its own whose answers are awaited: fewer, and through the whole pipeline.
const ODD_BODIES = Math.max(60, Math.round(300 * reliabilityScale()));
const PHONE_NUMBER_ID = '100000000000001';
const APP_SECRET = 'local-app-secret';
const MAX_BODY_BYTES = 3 * 1024 * 1024;
const DEDUPLICATION_WINDOW_SECONDS = 2;

let runtime: LocalRuntime;
let watch: AnswerWatch;
const consumerRecords: string[] = [];

beforeAll(async () => {
  runtime = await startLocalRuntime({
    port: 0,
    inMemory: true,
    env: { LOG_LEVEL: 'SILENT' },
    queue: { deduplicationWindowSeconds: DEDUPLICATION_WINDOW_SECONDS },
    // Every record the consumer is ever given, so "nothing was queued" means nothing, not "nothing is left".
    // (The runtime's own template approvals, which its startup sync posts to /webhook, are not bad input.)
    wrapConsumer: (handler) => async (event, context) => {
      consumerRecords.push(...event.Records.map((record) => record.body).filter((body) => !body.includes('"kind":"template"')));
      return handler(event, context);
    },
  });
  watch = watchAnswers(runtime.conversations);
}, 60_000);

afterAll(async () => {
  watch?.close();
  await runtime?.stop();
});

async function send(request: BadRequest): Promise<number> {
  const response = await fetch(`${runtime.url}/webhook`, {
    method: request.method,
    headers: request.headers,
    body: new Uint8Array(request.body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Sends every request, `parallel` at a time; answers the ones that did not get their expected status. */
async function sendAll(requests: readonly BadRequest[], parallel: number): Promise<string[]> {
  const wrong: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const status = await send(request);
        if (status !== request.expectedStatus) {
          wrong.push(
            `${request.kind} (${request.detail}): ${status}, expected ${request.expectedStatus}: ${request.body.subarray(0, 160).toString()}`,
          );
        }
      }
    }),
  );
  return wrong;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`bad input: ${BAD_REQUESTS} generated malformed, wrongly signed, oversized and misdirected webhook requests, ${ODD_BODIES} genuine bodies with a broken part`, () => {
  it('answers each with its 4xx, never a 5xx, and queues nothing', async () => {
    const random = seededRandom(SEED);
    const requests = Array.from({ length: BAD_REQUESTS }, (_, index) =>
      badRequest(random, APP_SECRET, `7706${String(index).padStart(7, '0')}`),
    );
    // Over Meta's 3 MB, and over API Gateway's 10 MB, which the local gateway refuses before the Lambda runs.
    requests.push(...Array.from({ length: 6 }, () => oversized(random, APP_SECRET, '77069999999', MAX_BODY_BYTES)));
    requests.push(oversized(random, APP_SECRET, '77069999998', 10 * 1024 * 1024));

    const wrong = await sendAll(requests, 8);

    expect(wrong, wrong.slice(0, 10).join('\n')).toEqual([]);
    const kinds = new Set(requests.map((request) => request.kind));
    expect([...kinds].sort()).toEqual(['malformed json', 'oversized', 'schema violation', 'wrong method', 'wrong signature']);
    // Whatever was queued would have reached the consumer within its one-second poll.
    await sleep(1_500);
    expect(consumerRecords).toEqual([]);
    expect(runtime.queue.counts().total).toBe(0);
    expect(runtime.conversations.customers()).toEqual([]);
    expect((await fetch(`${runtime.url}/healthz`)).status).toBe(200);
  }, 300_000);

  it('takes every genuine body with a broken part (200), answers each customer who can be answered, and no one else', async () => {
    const random = seededRandom(SEED + 1);
    const customers = Array.from({ length: ODD_BODIES }, (_, index) => `7708${String(index).padStart(7, '0')}`);
    const bodies = customers.map((waId) => ({ waId, ...oddBody(random, waId, PHONE_NUMBER_ID) }));
    const poster = webhookPoster(runtime.url, APP_SECRET, 8);

    const statuses = await Promise.all(bodies.map((body) => poster.post(body.raw)));
    expect(
      statuses.flatMap((status, index) => (status === 200 ? [] : [`${status}: ${bodies[index]!.detail}`])),
      'every genuine body is a 200',
    ).toEqual([]);
    await Promise.all(bodies.filter((body) => body.answerable).map((body) => watch.answers(body.waId, 1, 20_000)));
    await sleep(1_500);

    const wrong = bodies.flatMap((body) => {
      const answers = runtime.conversations.messages(body.waId).filter((line) => line.direction === 'out').length;
      return answers > 0 === body.answerable ? [] : [`${body.waId} (${body.detail}): ${answers} answers, answerable: ${body.answerable}`];
    });
    expect(wrong, wrong.slice(0, 10).join('\n')).toEqual([]);
    expect(bodies.some((body) => body.answerable) && bodies.some((body) => !body.answerable)).toBe(true);
  }, 300_000);

  it('accepts a valid body sent again, at once and past the queue deduplication window, and answers it once', async () => {
    const poster = webhookPoster(runtime.url, APP_SECRET, 8);
    const recordsBefore = consumerRecords.length;
    const messageRecords = () => consumerRecords.slice(recordsBefore).filter((body) => body.includes('"kind":"message"')).length;
    const customers = Array.from({ length: 20 }, (_, index) => `7707${String(index).padStart(7, '0')}`);
    const bodies = customers.map((waId) =>
      JSON.stringify(webhookBody({ contacts: [contact(waId)], messages: [textMessage(waId, 'покажите диваны')] })),
    );

    expect(await Promise.all(bodies.flatMap((body) => [poster.post(body), poster.post(body)]))).toEqual(bodies.flatMap(() => [200, 200]));
    await Promise.all(customers.map((waId) => watch.answers(waId, 1, 10_000)));
    await sleep(DEDUPLICATION_WINDOW_SECONDS * 1_000 + 500);
    expect(await Promise.all(bodies.map((body) => poster.post(body)))).toEqual(bodies.map(() => 200));
    // The replays reach the consumer, which finds them answered.
    for (let waited = 0; messageRecords() < 40 && waited < 10_000; waited += 100) {
      await sleep(100);
    }
    await sleep(1_000);

    for (const waId of customers) {
      const lines = runtime.conversations.messages(waId);
      expect(lines.filter((line) => line.direction === 'in')).toHaveLength(1);
      expect(lines.filter((line) => line.direction === 'out')).toHaveLength(1);
    }
    expect(messageRecords()).toBe(40);
  }, 60_000);
});
