import { execFile, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../lib/lambdaBundling';
import { synthesizeAssembly } from '../lib/synthesizeAssembly';

const run = promisify(execFile);

/**
 * The commit the cold-start figures are compared with: main before issue 19
 * (catalog in the bundles, NodejsFunction bundling, Node 22). `BENCH_BASELINE=<ref>`
 * compares with another commit instead.
 */
export const BASELINE_COMMIT = '214e75e403fef2676d95ad5a585bd999afd6cdba';

/** The stage both assemblies are synthesized for: cdk.json's defaults, no store API (the catalog is the deployed one). */
const BENCH_CONTEXT = { stage: 'bench' };

export interface BenchAssembly {
  /** `baseline` or `now`. */
  variant: 'baseline' | 'now';
  /** What the variant is, for the report: the commit and its subject. */
  describe: string;
  /** The synthesized cloud assembly (cdk.out) the as-deployed mode runs. */
  directory: string;
}

/** This working tree's stack as `cdk synth` builds it. */
export function synthesizeCurrent(workDirectory: string): BenchAssembly {
  const directory = join(workDirectory, 'now.cdk.out');
  synthesizeAssembly(directory, BENCH_CONTEXT);
  return { variant: 'now', describe: 'this working tree', directory };
}

/**
 * The baseline commit's stack, synthesized by its own code: its sources are
 * extracted with `git archive` (nothing of this checkout changes), with this
 * checkout's node_modules and built ffmpeg layer, and its own
 * lib/synthesizeAssembly.ts builds its bundles its own way.
 */
export async function synthesizeBaseline(workDirectory: string): Promise<BenchAssembly> {
  const ref = process.env.BENCH_BASELINE ?? BASELINE_COMMIT;
  const { stdout: commit } = await run('git', ['rev-parse', '--short', ref], { cwd: PROJECT_ROOT });
  const { stdout: subject } = await run('git', ['log', '-1', '--format=%s', ref], { cwd: PROJECT_ROOT });
  const root = join(workDirectory, 'baseline-src');
  mkdirSync(root, { recursive: true });
  await extract(ref, root);
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(join(PROJECT_ROOT, 'layers/ffmpeg/.build'), join(root, 'layers/ffmpeg/.build'));
  const directory = join(workDirectory, 'baseline.cdk.out');
  const script = join(root, 'bench-synthesize.mts');
  writeFileSync(
    script,
    `import { synthesizeAssembly } from './lib/synthesizeAssembly.ts';\nsynthesizeAssembly(${JSON.stringify(directory)}, ${JSON.stringify(BENCH_CONTEXT)});\n`,
  );
  await run(process.execPath, ['--import', 'tsx', script], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return { variant: 'baseline', describe: `${commit.trim()} (${subject.trim().slice(0, 90)}…)`, directory };
}

function extract(ref: string, into: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', ref], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const tar = spawn('tar', ['-x', '-C', into], { stdio: ['pipe', 'inherit', 'inherit'] });
    archive.stdout.pipe(tar.stdin);
    archive.on('error', reject);
    tar.on('error', reject);
    tar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`extracting ${ref} failed (tar ${code})`))));
  });
}
