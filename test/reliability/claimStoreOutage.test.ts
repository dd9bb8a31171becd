import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/localRuntime';
import { contact, textMessage, webhookBody } from '../support/cloudApiPayloads';
import type { AnswerWatch } from './support/answerWatch';
import { startRuntimeOnDisk } from './support/runtimeOnDisk';
import { isMessageSend } from './support/graphFaults';
import { webhookPoster } from './support/webhookPoster';

/**
 * The claim's lease is the invocation's remaining time less two seconds. The
 * database is down for two seconds and takes a moment to restart; ten seconds
 * leave room for that on a busy machine (with six, a loaded CI box restarted
 * it after the lease and the message was rightly answered again).
 */
const CONSUMER_TIMEOUT_MS = 10_000;
let runtime: LocalRuntime;
let watch: AnswerWatch;
let close: (() => Promise<void>) | undefined;
let stopDatabaseOnSend: (() => void) | undefined;

beforeAll(async () => {
  ({ runtime, watch, close } = await startRuntimeOnDisk('claim-outage', {
    consumer: { timeoutMs: CONSUMER_TIMEOUT_MS },
    queue: { visibilityTimeoutSeconds: 2, maxReceiveCount: 20 },
    // The database goes down while the answer is on its way to WhatsApp, before the message is marked answered.
    graphFaults: (request) => {
      if (isMessageSend(request)) {
        stopDatabaseOnSend?.();
        stopDatabaseOnSend = undefined;
      }
      return undefined;
    },
  }));
}, 60_000);

afterAll(async () => close?.());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DynamoDB down between sending an answer and marking the message answered', () => {
  it('does not answer the message again once the database is back', async () => {
    const waId = '77018882001';
    let stopped: Promise<void> | undefined;
    stopDatabaseOnSend = () => {
      stopped = runtime.dynamo.stop();
    };
    const body = JSON.stringify(webhookBody({ contacts: [contact(waId)], messages: [textMessage(waId, 'покажите диваны')] }));
    expect(await webhookPoster(runtime.url, 'local-app-secret', 1).post(body)).toBe(200);

    await watch.answers(waId, 1, 10_000);
    await stopped;
    await sleep(2_000);
    await runtime.dynamo.start();
    // Past the claim's lease and a few redeliveries.
    for (
      let waited = 0;
      waited < 20_000 && (runtime.queue.counts().total > 0 || Date.now() - watch.lastActivityAt() < CONSUMER_TIMEOUT_MS);
      waited += 250
    ) {
      await sleep(250);
    }

    const answers = runtime.conversations.messages(waId).filter((line) => line.direction === 'out');
    expect(answers, 'the message was answered again after its claim lease ran out').toHaveLength(1);
  }, 60_000);
});
