import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAMBDA_ENTRIES, type LambdaName } from '../lib/lambdaBundling';
import { buildBundle, bytesByPackage, moduleInitMs, nodeStartMs, type BuiltBundle } from './bundleBuild';
import type { TimingSummary } from './stats';
import { WEBHOOK_BUNDLE_VARIANTS } from './webhookBundleVariants';

export interface BundleFigures {
  name: string;
  bytes: number;
  gzipBytes: number;
  init: TimingSummary;
}

export interface ColdStartResults {
  bundles: BundleFigures[];
  webhookVariants: BundleFigures[];
  /** The webhook bundle as deployed, bytes per package, largest first. */
  webhookComposition: Array<[string, number]>;
  nodeStart: TimingSummary;
  runs: number;
}

const RUNS = 25;

/** Every Lambda bundle built with the stack's esbuild options, its size and its module-init time in fresh node processes. */
export async function benchColdStarts(): Promise<ColdStartResults> {
  const directory = await mkdtemp(join(tmpdir(), 'zeta-bundles-'));
  try {
    const names = Object.keys(LAMBDA_ENTRIES) as LambdaName[];
    const built: BuiltBundle[] = [];
    for (const name of names) built.push(await buildBundle(LAMBDA_ENTRIES[name], join(directory, name)));
    const webhook = built[names.indexOf('webhook')]!;
    // The deployed webhook is measured once; the what-if builds are measured alongside it.
    const whatIfs: BuiltBundle[] = [];
    for (const [index, variant] of WEBHOOK_BUNDLE_VARIANTS.entries()) {
      whatIfs.push(
        variant.plugins.length === 0
          ? webhook
          : await buildBundle(LAMBDA_ENTRIES.webhook, join(directory, `webhook-variant-${index}`), variant.plugins),
      );
    }
    const files = [...new Set([...built, ...whatIfs].map((bundle) => bundle.file))];
    const inits = new Map(files.map((file, index) => [file, index]));
    const timings = await moduleInitMs(files, RUNS);
    const initOf = (file: string) => timings[inits.get(file)!]!;
    return {
      bundles: names.map((name, index) => ({
        name,
        bytes: built[index]!.bytes,
        gzipBytes: built[index]!.gzipBytes,
        init: initOf(built[index]!.file),
      })),
      webhookVariants: WEBHOOK_BUNDLE_VARIANTS.map((variant, index) => ({
        name: variant.name,
        bytes: whatIfs[index]!.bytes,
        gzipBytes: whatIfs[index]!.gzipBytes,
        init: initOf(whatIfs[index]!.file),
      })),
      webhookComposition: bytesByPackage(webhook.metafile),
      nodeStart: await nodeStartMs(RUNS),
      runs: RUNS,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
