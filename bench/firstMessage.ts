import type { AsDeployedStack } from '../local/asDeployed/asDeployedStack';
import { startLocalRuntime, type LocalRuntime } from '../local/localRuntime';
import type { BenchAssembly } from './assemblies';
import { nextAnswer } from './chatEvents';
import { summarize, type TimingSummary } from './stats';

export interface FirstMessageRun {
  variant: BenchAssembly['variant'];
  /** A new customer's first message to a consumer whose environments were all reclaimed: a cold start answers it. */
  cold: TimingSummary;
  /** The first message to an environment started (its init run) just before: the first invocation's own work, without the init. */
  fresh: TimingSummary;
  /** The same kind of message to a warm consumer. */
  warm: TimingSummary;
  /** The consumer's module init at those cold starts. */
  init: TimingSummary;
}

export interface FirstMessageResults {
  rounds: number;
  runs: FirstMessageRun[];
}

const ROUNDS = 15;
const MESSAGE = 'Здравствуйте! Ищу серый диван до 300 тысяч';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A customer's first message, end to end through the as-deployed mode (the
 * webhook and consumer bundles from cdk.out in their Lambda-like
 * environments, every AWS call through the IAM-checking front door, the
 * catalog read from its deployed store), from the simulator's POST to the
 * answer reaching the Graph API stand-in. Cold: the consumer's environments
 * were reclaimed first, so the message starts one (init, then the first
 * invocation's work: the secret, the catalog, the first calls). Warm: the
 * next customer, on the environment that just answered. Fresh: an
 * environment started just before the message (as provisioned concurrency
 * would), so only the first invocation's own work differs from warm. Both
 * assemblies run side by side and take turns.
 */
export async function benchFirstMessage(assemblies: BenchAssembly[]): Promise<FirstMessageResults> {
  const runtimes = await Promise.all(
    assemblies.map(async (assembly) => ({
      assembly,
      runtime: await startLocalRuntime({ port: 0, inMemory: true, asDeployed: { assemblyDirectory: assembly.directory } }),
    })),
  );
  try {
    const samples = runtimes.map(() => ({ cold: [] as number[], fresh: [] as number[], warm: [] as number[], init: [] as number[] }));
    for (const [index, { runtime }] of runtimes.entries()) await settle(runtime, `7709${index}00000000`);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, { runtime }] of runtimes.entries()) {
        const stack = runtime.asDeployed as AsDeployedStack;
        await stack.executionEnvironments('consumer').recycle();
        const initsBefore = stack.stats().consumer.initMs.length;
        samples[index]!.cold.push(await answerTime(runtime, `7709${index}1${String(round).padStart(7, '0')}`));
        samples[index]!.init.push(...stack.stats().consumer.initMs.slice(initsBefore, initsBefore + 1));
        await quiet(runtime);
        samples[index]!.warm.push(await answerTime(runtime, `7709${index}2${String(round).padStart(7, '0')}`));
        await quiet(runtime);
        await stack.executionEnvironments('consumer').recycle();
        await stack.executionEnvironments('consumer').provision();
        samples[index]!.fresh.push(await answerTime(runtime, `7709${index}3${String(round).padStart(7, '0')}`));
        await quiet(runtime);
      }
    }
    return {
      rounds: ROUNDS,
      runs: runtimes.map(({ assembly }, index) => ({
        variant: assembly.variant,
        cold: summarize(samples[index]!.cold),
        fresh: summarize(samples[index]!.fresh),
        warm: summarize(samples[index]!.warm),
        init: summarize(samples[index]!.init),
      })),
    };
  } finally {
    await Promise.all(runtimes.map(({ runtime }) => runtime.stop()));
  }
}

/** From just before the simulator's POST of a text to the answer's arrival at the Graph API stand-in (its clock). */
async function answerTime(runtime: LocalRuntime, from: string): Promise<number> {
  let postedAt = 0;
  const answer = await nextAnswer(
    runtime.url,
    from,
    async () => {
      postedAt = Date.now();
      const response = await fetch(`${runtime.url}/sim/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from, type: 'text', text: { body: MESSAGE } }),
      });
      if (response.status !== 200) throw new Error(`the simulator answered ${response.status}`);
    },
    60_000,
  );
  return answer.timestamp - postedAt;
}

/** The runtime's start (template approvals, their webhooks) is over, and each function has answered once. */
async function settle(runtime: LocalRuntime, from: string): Promise<void> {
  await answerTime(runtime, from);
  await quiet(runtime);
}

/** The answer's delivery statuses come back through the webhook and the queue: wait until the queue has been empty a while. */
async function quiet(runtime: LocalRuntime): Promise<void> {
  for (let calm = 0; calm < 3;) {
    await sleep(100);
    calm = runtime.queue.counts().total === 0 ? calm + 1 : 0;
  }
}
