import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { BUNDLED_DATA_DEFINE, dataModules } from './bundling/dataModules';
import { pureModules } from './bundling/pureModules';
import { sdkPackageVersions } from './bundling/sdkPackageVersions';

/**
 * How every Lambda function is built: the one source of truth for the stack
 * (lib/constructs/zetaFunction.ts bundles through scripts/bundleLambda.ts),
 * scripts/bundleSizes.ts and the bench, so the sizes they print and the cold
 * starts they time are those of what deploys.
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

/** The handler module each bundle's directory holds: `index.handler`. */
export const LAMBDA_HANDLER_FILE = 'index.mjs';

/**
 * Bundled code is ESM, but some CommonJS dependencies call `require` for
 * Node built-ins at run time, which esbuild's ESM output cannot do on its
 * own. The banner gives the module a real `require`; the import is aliased so
 * that it cannot clash with a `createRequire` of the bundled code.
 */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);";

/**
 * Lambda gives a function its role's credentials in environment variables:
 * the bundles take the SDK's environment provider instead of its default chain
 * (functions/adapters/environmentCredentials.ts explains what that leaves out).
 */
export const LAMBDA_ALIASES = {
  '@aws-sdk/credential-provider-node': './functions/adapters/environmentCredentials.ts',
} as const;

/** The functions' own modules (lib/bundling/pureModules.ts): none has side effects when evaluated. */
const FUNCTION_MODULES = /[\\/]functions[\\/].+\.ts$/;

/**
 * The esbuild options of a function's bundle, written to `outdir` as
 * index.mjs, the chunks it loads on demand, and their source maps. `plugins` are only for the bench's what-if
 * builds; the stack deploys with none beyond the project's own.
 */
export function esbuildOptions(entry: string, outdir: string, plugins: Plugin[] = []): BuildOptions {
  return {
    entryPoints: { index: entry },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: `node${LAMBDA_NODE_MAJOR}`,
    format: 'esm',
    /**
     * What a function loads with `import()` at its first use (the consumer's
     * model path, the S3 client) goes to chunks of its own beside index.mjs,
     * so the cold start does not compile it (functions/composition/onFirstUse.ts).
     */
    splitting: true,
    chunkNames: 'chunk-[name]-[hash]',
    banner: { js: ESM_REQUIRE_BANNER },
    /** Prefer the packages' ESM builds (the AWS SDK v3 ships both) so esbuild can drop unused exports. */
    mainFields: ['module', 'main'],
    minify: true,
    /**
     * Russian and Kazakh text (the bot's words, the prompts, the vocabulary)
     * as UTF-8, two bytes a letter, instead of esbuild's default \uXXXX
     * escapes of six: a fifth of the consumer's bundle.
     */
    charset: 'utf8',
    /** Source maps turn minified stack traces back into file:line (with NODE_OPTIONS=--enable-source-maps)... */
    sourcemap: true,
    /** ...without embedding the sources themselves, which would double the bundle for nothing. */
    sourcesContent: false,
    /**
     * Nothing is external, not even the AWS SDK v3 that the runtime provides:
     * the bundle then runs the SDK versions that package-lock.json pins and the
     * tests ran against, and loading one tree-shaken file is faster at cold
     * start than resolving the runtime's full SDK packages from disk.
     */
    external: [],
    alias: { ...LAMBDA_ALIASES },
    define: { ...BUNDLED_DATA_DEFINE },
    plugins: [...plugins, sdkPackageVersions(), dataModules(PROJECT_ROOT), pureModules(FUNCTION_MODULES)],
    absWorkingDir: PROJECT_ROOT,
    logLevel: 'warning',
  };
}

export interface LambdaBundle {
  /** The handler module. */
  file: string;
  metafile: Metafile;
}

/** Builds one function's bundle into `outdir`, exactly as it deploys. */
export async function bundleLambda(name: LambdaName, outdir: string, plugins: Plugin[] = []): Promise<LambdaBundle> {
  const result = await build({ ...esbuildOptions(join(PROJECT_ROOT, LAMBDA_ENTRIES[name]), outdir, plugins), metafile: true });
  return { file: join(outdir, LAMBDA_HANDLER_FILE), metafile: result.metafile };
}

/**
 * The output files a cold start loads: the handler module and the chunks it
 * imports statically, not those behind `import()` (loaded on first use).
 */
export function coldStartOutputs(metafile: Metafile, handlerOutput: string): string[] {
  const outputs = new Set<string>();
  const visit = (file: string) => {
    if (outputs.has(file)) return;
    outputs.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(handlerOutput);
  return [...outputs];
}
