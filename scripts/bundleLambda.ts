/**
 * Builds one function's bundle: `tsx scripts/bundleLambda.ts <function> <outdir>`.
 * The stack's asset bundling runs this (lib/constructs/zetaFunction.ts):
 * CDK's local bundling is synchronous, and esbuild's plugins need its
 * asynchronous API, so each bundle is built in a process of its own.
 */
import { bundleLambda, LAMBDA_ENTRIES, type LambdaName } from '../lib/lambdaBundling';

const [name, outdir] = process.argv.slice(2);
if (name === undefined || outdir === undefined || !(name in LAMBDA_ENTRIES)) {
  console.error(`usage: tsx scripts/bundleLambda.ts <${Object.keys(LAMBDA_ENTRIES).join('|')}> <outdir>`);
  process.exit(2);
}
await bundleLambda(name as LambdaName, outdir);
