import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { build, type Metafile, type Plugin } from 'esbuild';
import { esbuildOptions, LAMBDA_HANDLER_FILE, PROJECT_ROOT } from '../lib/lambdaBundling';
import { summarize, type TimingSummary } from './stats';

const run = promisify(execFile);

export interface BuiltBundle {
  file: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

/** A Lambda bundle built exactly as the stack builds it (lib/lambdaBundling.ts), written to `directory`; plugins only for what-if variants. */
export async function buildBundle(entry: string, directory: string, plugins: Plugin[] = []): Promise<BuiltBundle> {
  const file = join(directory, LAMBDA_HANDLER_FILE);
  const result = await build({ ...esbuildOptions(join(PROJECT_ROOT, entry), directory, plugins), metafile: true });
  const code = await readFile(file);
  return { file, bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength, metafile: result.metafile };
}

/** What a function sees at a cold start in AWS, minus secrets and network: its configuration environment. */
const LAMBDA_ENVIRONMENT: Record<string, string> = {
  AWS_REGION: 'eu-central-1',
  AWS_LAMBDA_FUNCTION_NAME: 'zeta-bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
  STAGE: 'bench',
  SECRETS_ID: 'zeta/bench',
  QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/000000000000/zeta-inbound.fifo',
  TABLE_NAME: 'zeta-bench',
  MEDIA_BUCKET: 'zeta-media-bench',
  LOG_LEVEL: 'WARN',
};

// Runs in a fresh node: the time from before the import of the bundle to after its top level has run.
const IMPORT_TIMER = [
  'const started = performance.now();',
  'await import(process.env.BENCH_BUNDLE_URL);',
  'process.stdout.write(String(performance.now() - started));',
].join('\n');

async function importTimeMs(file: string): Promise<number> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', IMPORT_TIMER], {
    env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENVIRONMENT, BENCH_BUNDLE_URL: pathToFileURL(file).href },
  });
  return Number(stdout);
}

/**
 * Module-init time of each bundle: a fresh `node` process imports it, `rounds`
 * times, the bundles taking turns so that drift in the machine hits them
 * alike. Lambda's Init Duration adds the runtime's own start, which this
 * leaves out (see nodeStartMs).
 */
export async function moduleInitMs(files: readonly string[], rounds: number): Promise<TimingSummary[]> {
  const samples = files.map((): number[] => []);
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, file] of files.entries()) samples[index]!.push(await importTimeMs(file));
  }
  return samples.map(summarize);
}

/** How long a bare `node` takes to start and exit here, for scale: Lambda's own runtime start is of this order. */
export async function nodeStartMs(runs: number): Promise<TimingSummary> {
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await run(process.execPath, ['-e', '0']);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

/** Bytes in the bundle per npm package (or project folder), largest first. */
export function bytesByPackage(metafile: Metafile): Array<[string, number]> {
  const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint !== undefined);
  if (output === undefined) throw new Error('the metafile has no entry point output');
  const totals = new Map<string, number>();
  for (const [path, input] of Object.entries(output.inputs)) {
    const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = inPackage ? inPackage[1]! : path.split('/').slice(0, 2).join('/');
    totals.set(key, (totals.get(key) ?? 0) + input.bytesInOutput);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}
