/**
 * Prints each Lambda function's bundle size, built with exactly the options
 * the stack deploys (lib/lambdaBundling.ts): `npx tsx scripts/bundleSizes.ts`.
 * "At a cold start" is the handler module with the chunks it imports
 * statically; "on first use" the chunks behind `import()`. Gzip stands in for
 * the zipped asset Lambda downloads at cold start.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import {
  coldStartOutputs,
  esbuildOptions,
  LAMBDA_ENTRIES,
  LAMBDA_HANDLER_FILE,
  PROJECT_ROOT,
  type LambdaName,
} from '../lib/lambdaBundling';

interface BundleSize {
  name: LambdaName;
  coldStart: number;
  gzip: number;
  onFirstUse: number;
}

async function measure(name: LambdaName): Promise<BundleSize> {
  // Nothing is written: esbuild hands the files back in memory.
  const outdir = join(PROJECT_ROOT, 'cdk.out', name);
  const result = await build({ ...esbuildOptions(join(PROJECT_ROOT, LAMBDA_ENTRIES[name]), outdir), write: false, metafile: true });
  const handler = Object.keys(result.metafile.outputs).find((file) => file.endsWith(`${name}/${LAMBDA_HANDLER_FILE}`));
  if (handler === undefined) throw new Error(`esbuild produced no handler module for ${name}`);
  const loaded = new Set(coldStartOutputs(result.metafile, handler).map((file) => join(PROJECT_ROOT, file)));
  const modules = result.outputFiles.filter((file) => file.path.endsWith('.mjs'));
  const atColdStart = modules.filter((file) => loaded.has(file.path));
  const bytes = (files: typeof modules) => files.reduce((sum, file) => sum + file.contents.byteLength, 0);
  return {
    name,
    coldStart: bytes(atColdStart),
    gzip: gzipSync(Buffer.concat(atColdStart.map((file) => file.contents))).byteLength,
    onFirstUse: bytes(modules) - bytes(atColdStart),
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const sizes = await Promise.all((Object.keys(LAMBDA_ENTRIES) as LambdaName[]).map(measure));
const rows = [
  ['function', 'at a cold start', 'gzip', 'on first use'],
  ...sizes.map((size) => [size.name, kib(size.coldStart), kib(size.gzip), kib(size.onFirstUse)]),
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) {
  console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
}
