import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { bundleLambda, LAMBDA_ENTRIES, LAMBDA_HANDLER_FILE, type LambdaName } from '../lib/lambdaBundling';
import { LocalDeployment, type DeployedFunction } from '../local/asDeployed/localDeployment';
import type { BenchAssembly } from './assemblies';
import { bytesByPackage } from './bundleComposition';
import { summarize, type TimingSummary } from './stats';

const run = promisify(execFile);

export interface BundleFigures {
  /** The handler module and what it imports statically: what a cold start loads. */
  bytes: number;
  gzipBytes: number;
  /** Modules of the bundle loaded only when a feature first needs them. */
  lazyBytes: number;
  /** The Lambda runtime of the function in its template, and the Node.js that played it. */
  runtime: string;
  /** Module init of each cold start: a fresh process of that Node.js importing the bundle. */
  init: TimingSummary;
}

export interface FunctionColdStarts {
  name: LambdaName;
  baseline: BundleFigures;
  now: BundleFigures;
}

/** The same bundles imported by a fresh process of each Node.js major: what the runtime alone changes. */
export interface RuntimeComparison {
  node: string;
  init: Partial<Record<LambdaName, TimingSummary>>;
}

export interface ColdStartResults {
  baseline: string;
  runs: number;
  functions: FunctionColdStarts[];
  /** This tree's bundles, bytes per package (or project folder), largest first. */
  composition: Partial<Record<LambdaName, Array<[string, number]>>>;
  runtimes: RuntimeComparison[];
  /** A bare `node -e 0`, for scale: Lambda's own runtime start is of this order. */
  nodeStart: TimingSummary;
}

const RUNS = 25;
const RUNTIME_RUNS = 15;
/** The Node.js of each Lambda runtime the two assemblies use: the previous major from the registry, as the project's own Node comes (README "Why Node 24 comes from npm"). */
const NODE_OF_RUNTIME: Record<string, string> = { 'nodejs22.x': 'node@22.23.3', 'nodejs24.x': 'this run' };
const NAMES = Object.keys(LAMBDA_ENTRIES) as LambdaName[];

/**
 * Every function of both assemblies: the bundle that deploys (from cdk.out),
 * and its module init at each of RUNS cold starts, each a fresh process of
 * the Node.js major of the function's runtime in its template (the baseline's
 * Node 22, now 24) with the template's environment, NODE_OPTIONS included,
 * timing the import of the handler module as Lambda's runtime does it. The
 * variants and functions take turns, one cold start at a time, so that drift
 * in this shared machine hits them alike.
 */
export async function benchColdStarts(baseline: BenchAssembly, now: BenchAssembly): Promise<ColdStartResults> {
  const deployments = { baseline: deployedFunctions(baseline), now: deployedFunctions(now) };
  const nodes = new Map<string, string>();
  for (const fn of [...Object.values(deployments.baseline), ...Object.values(deployments.now)]) {
    if (!nodes.has(fn.runtime)) nodes.set(fn.runtime, await nodeBinary(fn.runtime));
  }
  const samples = new Map<string, number[]>();
  for (let round = 0; round < RUNS; round += 1) {
    for (const variant of ['baseline', 'now'] as const) {
      for (const name of NAMES) {
        const fn = deployments[variant][name];
        const key = `${variant}/${name}`;
        samples.set(key, [...(samples.get(key) ?? []), await importTimeMs(nodes.get(fn.runtime)!, fn)]);
      }
    }
  }
  const figures = async (variant: 'baseline' | 'now', name: LambdaName): Promise<BundleFigures> => ({
    ...(await bundleBytes(deployments[variant][name].bundle)),
    runtime: `${deployments[variant][name].runtime} (${nodeLabel(deployments[variant][name].runtime)})`,
    init: summarize(samples.get(`${variant}/${name}`)!),
  });
  const functions: FunctionColdStarts[] = [];
  for (const name of NAMES) functions.push({ name, baseline: await figures('baseline', name), now: await figures('now', name) });
  return {
    baseline: baseline.describe,
    runs: RUNS,
    functions,
    composition: await composition(['consumer', 'webhook']),
    runtimes: await runtimes(deployments.now, nodes, ['webhook', 'consumer']),
    nodeStart: await nodeStartMs(RUNS),
  };
}

function nodeLabel(runtime: string): string {
  const node = NODE_OF_RUNTIME[runtime];
  return node === 'this run' ? `Node ${process.versions.node} (this run's)` : `Node ${node?.replace('node@', '')}`;
}

/** The Node.js binary that plays a Lambda runtime: this run's for nodejs24.x, the registry's node package for the previous major. */
async function nodeBinary(runtime: string): Promise<string> {
  const node = NODE_OF_RUNTIME[runtime];
  if (node === undefined) throw new Error(`no Node.js known for the Lambda runtime ${runtime}`);
  if (node === 'this run') {
    if (!process.versions.node.startsWith('24.'))
      throw new Error(`nodejs24.x is played by this run's Node.js, which is ${process.versions.node}`);
    return process.execPath;
  }
  const { stdout } = await run('npm', ['exec', '--yes', `--package=${node}`, '--', 'node', '-p', 'process.execPath'], { cwd: tmpdir() });
  return stdout.trim();
}

function deployedFunctions(assembly: BenchAssembly): Record<LambdaName, DeployedFunction> {
  return LocalDeployment.fromAssembly({
    assemblyDirectory: assembly.directory,
    region: 'eu-central-1',
    accountId: '123456789012',
    sqsEndpoint: 'http://127.0.0.1:9/sqs',
  }).functions();
}

/** What Lambda gives a function besides its template's variables: its identity and its role's credentials. */
function lambdaEnvironment(fn: DeployedFunction): Record<string, string> {
  return {
    ...fn.environment,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    AWS_REGION: 'eu-central-1',
    AWS_DEFAULT_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'ASIABENCHBENCHBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SESSION_TOKEN: 'bench',
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
  };
}

/** The handler module with the chunks it imports statically, and the rest of the bundle's modules (loaded on demand). */
async function bundleBytes(handlerFile: string): Promise<Pick<BundleFigures, 'bytes' | 'gzipBytes' | 'lazyBytes'>> {
  const directory = dirname(handlerFile);
  const modules = (await readdir(directory)).filter((file) => file.endsWith('.mjs'));
  const loaded = new Set<string>();
  const visit = async (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    const code = await readFile(join(directory, file), 'utf8');
    for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.mjs)["']/g)) await visit(match[1]!);
  };
  await visit(LAMBDA_HANDLER_FILE);
  let bytes = 0;
  let lazyBytes = 0;
  const code: Buffer[] = [];
  for (const file of modules) {
    const content = await readFile(join(directory, file));
    if (loaded.has(file)) {
      bytes += content.byteLength;
      code.push(content);
    } else lazyBytes += content.byteLength;
  }
  return { bytes, gzipBytes: gzipSync(Buffer.concat(code)).byteLength, lazyBytes };
}

async function composition(names: LambdaName[]): Promise<ColdStartResults['composition']> {
  const directory = await mkdtemp(join(tmpdir(), 'zeta-bench-bundles-'));
  try {
    const result: ColdStartResults['composition'] = {};
    for (const name of names) result[name] = bytesByPackage((await bundleLambda(name, join(directory, name))).metafile);
    return result;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

// Runs in a fresh node: the time from before the import of the bundle to after its top level has run, on a line of its own after whatever the function logs at init.
const IMPORT_TIMER = [
  'const started = performance.now();',
  'await import(process.env.BENCH_BUNDLE_URL);',
  "process.stdout.write('\\n' + String(performance.now() - started));",
].join('\n');

/** A fresh process with the function's environment (NODE_OPTIONS=--enable-source-maps included, as Lambda starts it). */
async function importTimeMs(node: string, fn: DeployedFunction): Promise<number> {
  const { stdout } = await run(node, ['--input-type=module', '-e', IMPORT_TIMER], {
    env: { ...lambdaEnvironment(fn), BENCH_BUNDLE_URL: pathToFileURL(fn.bundle).href },
  });
  const initMs = Number(stdout.split('\n').at(-1));
  if (!Number.isFinite(initMs)) throw new Error(`${fn.functionName}: no init time in ${JSON.stringify(stdout.slice(-200))}`);
  return initMs;
}

/** The current bundles imported by fresh processes of the previous Node.js major and of this one, taking turns. */
async function runtimes(
  functions: Record<LambdaName, DeployedFunction>,
  nodes: Map<string, string>,
  names: LambdaName[],
): Promise<RuntimeComparison[]> {
  const players = [...nodes].map(([runtime, binary]) => ({
    node: nodeLabel(runtime),
    binary,
  }));
  const samples = players.map(() => Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<LambdaName, number[]>);
  for (let round = 0; round < RUNTIME_RUNS; round += 1) {
    for (const [index, { binary }] of players.entries()) {
      for (const name of names) samples[index]![name].push(await importTimeMs(binary, functions[name]));
    }
  }
  return players.map(({ node }, index) => ({
    node,
    init: Object.fromEntries(names.map((name) => [name, summarize(samples[index]![name])])),
  }));
}

/** How long a bare `node` takes to start and exit here. */
async function nodeStartMs(runs: number): Promise<TimingSummary> {
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await run(process.execPath, ['-e', '0']);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}
