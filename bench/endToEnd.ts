import { chat, postSignedWebhook, startZeta } from '../test/support/runningZeta';
import { loadPlan } from '../test/reliability/support/loadPlan';
import { plannedWebhook } from '../test/reliability/support/plannedWebhook';
import { seededRandom } from '../scripts/seededRandom';
import { webhookPoster } from '../test/reliability/support/webhookPoster';
import { nextAnswer } from './chatEvents';
import { summarize, type TimingSummary } from './stats';

export interface EndToEndResults {
  /** One message at a time, each from a new customer: the pipeline's own latency. */
  idle: { messages: number; latency: TimingSummary };
  /** Many customers writing at once, as fast as the webhook takes them. */
  saturated: { customers: number; messages: number; seconds: number; messagesPerSecond: number; latency: TimingSummary };
}

const IDLE_MESSAGES = 200;
const SATURATED_CUSTOMERS = 100;
const MESSAGES_PER_CUSTOMER = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `npm start` (zeta start, a process of its own) with the offline assistant:
 * the time from the webhook POST to the answer reaching the Graph API
 * stand-in, by the stand-in's clock (same machine), idle and saturated.
 */
export async function benchEndToEnd(): Promise<EndToEndResults> {
  const zeta = await startZeta({ LOG_LEVEL: 'ERROR' });
  try {
    const idlePlan = loadPlan({ customers: IDLE_MESSAGES, messagesPerCustomer: 1, random: seededRandom(1), numberPrefix: '7708' });
    const idle: number[] = [];
    for (const customer of idlePlan) {
      let postedAt = 0;
      const answer = await nextAnswer(
        zeta.url,
        customer.waId,
        async () => {
          postedAt = Date.now();
          const response = await postSignedWebhook(zeta.url, plannedWebhook(customer, customer.messages[0]!));
          if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
        },
        10_000,
      );
      idle.push(answer.timestamp - postedAt);
      // The answer's delivery statuses come back through the webhook too; let them pass before the next message.
      await sleep(50);
    }

    const plan = loadPlan({ customers: SATURATED_CUSTOMERS, messagesPerCustomer: MESSAGES_PER_CUSTOMER, random: seededRandom(2) });
    const poster = webhookPoster(zeta.url, 'local-app-secret', 16);
    const postedAt = new Map<string, number>();
    const started = Date.now();
    await Promise.all(
      plan.map(async (customer) => {
        for (const message of customer.messages) {
          postedAt.set(message.id, Date.now());
          if ((await poster.post(plannedWebhook(customer, message))) !== 200) throw new Error('webhook refused a message');
        }
      }),
    );
    const latency: number[] = [];
    let lastAnswerAt = started;
    for (const customer of plan) {
      for (let waited = 0; ; waited += 200) {
        const answers = (await chat(zeta.url, customer.waId)).filter((line) => line.direction === 'out');
        if (answers.length >= customer.messages.length) {
          customer.messages.forEach((message, index) => latency.push(answers[index]!.timestamp - postedAt.get(message.id)!));
          lastAnswerAt = Math.max(lastAnswerAt, ...answers.map((line) => line.timestamp));
          break;
        }
        if (waited > 300_000) throw new Error(`${customer.waId} was not answered in full`);
        await sleep(200);
      }
    }
    const messages = SATURATED_CUSTOMERS * MESSAGES_PER_CUSTOMER;
    const seconds = (lastAnswerAt - started) / 1000;
    return {
      idle: { messages: IDLE_MESSAGES, latency: summarize(idle) },
      saturated: { customers: SATURATED_CUSTOMERS, messages, seconds, messagesPerSecond: messages / seconds, latency: summarize(latency) },
    };
  } finally {
    await zeta.stop();
  }
}
