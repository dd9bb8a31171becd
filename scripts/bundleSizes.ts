/**
 * Prints each Lambda function's bundle size, built with exactly the options
 * the stack deploys (lib/lambdaBundling.ts): `npx tsx scripts/bundleSizes.ts`.
 * Gzip stands in for the zipped asset Lambda downloads at cold start.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptions, LAMBDA_ENTRIES, PROJECT_ROOT, type LambdaName } from '../lib/lambdaBundling';

interface BundleSize {
  name: LambdaName;
  raw: number;
  gzip: number;
  sourceMap: number;
}

async function measure(name: LambdaName): Promise<BundleSize> {
  // Nothing is written: esbuild hands the files back in memory.
  const result = await build({
    ...esbuildOptions(join(PROJECT_ROOT, LAMBDA_ENTRIES[name]), join(PROJECT_ROOT, 'cdk.out', name)),
    write: false,
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'));
  const map = result.outputFiles.find((file) => file.path.endsWith('.mjs.map'));
  if (code === undefined || map === undefined) throw new Error(`esbuild produced no bundle for ${name}`);
  return { name, raw: code.contents.byteLength, gzip: gzipSync(code.contents).byteLength, sourceMap: map.contents.byteLength };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const sizes = await Promise.all((Object.keys(LAMBDA_ENTRIES) as LambdaName[]).map(measure));
const rows = [
  ['function', 'bundle', 'gzip', 'source map'],
  ...sizes.map((size) => [size.name, kib(size.raw), kib(size.gzip), kib(size.sourceMap)]),
];
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) {
  console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
}
