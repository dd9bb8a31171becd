import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/**
 * How every Lambda function is built: the one source of truth for the stack
 * (through NodejsFunction) and for scripts/bundleSizes.ts (through esbuild
 * directly), so the sizes it prints are the sizes that deploy.
 */

/** The repository root: entry points and the lock file are resolved from here, whatever the cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Each function's handler module, relative to PROJECT_ROOT. */
export const LAMBDA_ENTRIES = {
  webhook: 'functions/webhook/index.ts',
  consumer: 'functions/consumer/index.ts',
  catalogImages: 'functions/catalog-images/index.ts',
  alertChecker: 'functions/alert-checker/index.ts',
  ledgerWriter: 'functions/ledger-writer/index.ts',
} as const;

export type LambdaName = keyof typeof LAMBDA_ENTRIES;

/**
 * The Node.js major the functions run on: the same major the project pins for
 * tests and `npm start`, so the bundle runs on what it was tested on.
 */
export const LAMBDA_NODE_MAJOR = 24;

/**
 * Bundled code is ESM, but some CommonJS dependencies call `require` for
 * Node built-ins at run time, which esbuild's ESM output cannot do on its
 * own. The banner gives the module a real `require`; the import is aliased so
 * that it cannot clash with a `createRequire` of the bundled code.
 */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);";

export const LAMBDA_BUNDLE = {
  target: `node${LAMBDA_NODE_MAJOR}`,
  format: 'esm',
  banner: ESM_REQUIRE_BANNER,
  /** Prefer the packages' ESM builds (the AWS SDK v3 ships both) so esbuild can drop unused exports. */
  mainFields: ['module', 'main'],
  minify: true,
  /** Source maps turn minified stack traces back into file:line (with NODE_OPTIONS=--enable-source-maps)... */
  sourceMap: true,
  /** ...without embedding the sources themselves, which would double the bundle for nothing. */
  sourcesContent: false,
  /**
   * Nothing is external, not even the AWS SDK v3 that the runtime provides:
   * the bundle then runs the SDK versions that package-lock.json pins and the
   * tests ran against, and loading one tree-shaken file is faster at cold
   * start than resolving the runtime's full SDK packages from disk.
   */
  externalModules: [] as string[],
  /** templates/message_templates.yaml is imported as its text (bin/textModules.mjs does the same under node). */
  loader: { '.yaml': 'text' } as Record<string, 'text'>,
} as const;

/** The esbuild options NodejsFunction derives from LAMBDA_BUNDLE, for building outside CDK. */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: LAMBDA_BUNDLE.target,
    format: LAMBDA_BUNDLE.format,
    banner: { js: LAMBDA_BUNDLE.banner },
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    minify: LAMBDA_BUNDLE.minify,
    sourcemap: LAMBDA_BUNDLE.sourceMap,
    sourcesContent: LAMBDA_BUNDLE.sourcesContent,
    external: LAMBDA_BUNDLE.externalModules,
    loader: LAMBDA_BUNDLE.loader,
    absWorkingDir: PROJECT_ROOT,
    logLevel: 'warning',
  };
}
