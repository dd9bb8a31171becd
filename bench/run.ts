/**
 * `npm run bench`: measures the webhook, the Lambda bundles' cold starts and
 * a first message to a fresh consumer (each beside the baseline commit's),
 * catalog search, `npm start` end to end and the cost per 1,000 turns on
 * this machine, and writes docs/bench/REPORT.md (raw figures in
 * bench/out/results.json). Run it on a quiet machine: the benchmarks take
 * a few minutes and use both cores.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesizeBaseline, synthesizeCurrent } from './assemblies';
import { benchCatalog } from './catalogBench';
import { benchColdStarts } from './coldStart';
import { benchCost } from './costBench';
import { benchEndToEnd } from './endToEnd';
import { benchFirstMessage } from './firstMessage';
import { benchRouting } from './routingBench';
import { describeMachine } from './machine';
import { renderReport } from './report';
import type { BenchResults } from './results';
import { benchWebhook } from './webhookBench';

const REPORT = fileURLToPath(new URL('../docs/bench/REPORT.md', import.meta.url));
const RAW = fileURLToPath(new URL('./out/results.json', import.meta.url));

async function step<T>(name: string, measure: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stderr.write(`bench: ${name}…`);
  const result = await measure();
  process.stderr.write(` ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return result;
}

// The stack as `cdk synth` builds it now, and at the baseline commit by that commit's own code: the cold starts are compared in one run.
const work = await mkdtemp(join(tmpdir(), 'zeta-bench-'));
const [baseline, now] = await step('the stack synthesized at the baseline commit and now', async () => [
  await synthesizeBaseline(work),
  synthesizeCurrent(work),
]);

const results: BenchResults = {
  machine: describeMachine(),
  catalog: await step('catalog search', benchCatalog),
  webhook: await step('webhook handler', benchWebhook),
  coldStart: await step('bundles and cold starts, baseline and now', () => benchColdStarts(baseline!, now!)),
  firstMessage: await step('a first message to a fresh and to a warm consumer, as deployed, baseline and now', () =>
    benchFirstMessage([baseline!, now!]),
  ),
  endToEnd: await step('end to end through zeta start', benchEndToEnd),
  cost: await step('cost of a scripted day, every text to the model', () => benchCost('model')),
  routedCost: await step('cost of a scripted day, as deployed', () => benchCost('confident')),
  routing: await step('the evaluation dialogues under each routing', benchRouting),
};
await rm(work, { recursive: true, force: true });
await mkdir(fileURLToPath(new URL('./out/', import.meta.url)), { recursive: true });
await writeFile(RAW, `${JSON.stringify(results, null, 2)}\n`);
await mkdir(fileURLToPath(new URL('../docs/bench/', import.meta.url)), { recursive: true });
await writeFile(REPORT, renderReport(results));
process.stderr.write(`bench: wrote ${REPORT}\n`);
