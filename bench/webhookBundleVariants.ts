import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import { PROJECT_ROOT } from '../lib/lambdaBundling';

/**
 * What-if builds of the webhook bundle, to show what makes it big. They are
 * never deployed; the stack builds with no plugins.
 */
export interface BundleVariant {
  name: string;
  plugins: Plugin[];
}

/**
 * The functions as they imported zod before: `import { z } from 'zod'` is a
 * namespace object that esbuild keeps whole, every locale included, where
 * `import * as z` lets it keep only what is used.
 */
const namedZodImport: Plugin = {
  name: 'named-zod-import',
  setup(build) {
    build.onLoad({ filter: /[\\/]functions[\\/].*\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll("import * as z from 'zod';", "import { z } from 'zod';"),
      loader: 'ts',
    }));
  },
};

/**
 * Lambda hands a function its role's credentials in environment variables;
 * the SDK's default chain also carries SSO, STS, profile, process and
 * metadata-service providers and the nested clients they need.
 */
const environmentCredentialsOnly: Plugin = {
  name: 'environment-credentials-only',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: 'environment-credentials', namespace: 'bench' }));
    build.onLoad({ filter: /.*/, namespace: 'bench' }, () => ({
      contents: "export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';",
      loader: 'js',
      resolveDir: PROJECT_ROOT,
    }));
  },
};

export const WEBHOOK_BUNDLE_VARIANTS: readonly BundleVariant[] = [
  { name: 'before: `import { z } from "zod"` in functions/', plugins: [namedZodImport] },
  { name: 'as deployed: `import * as z from "zod"`', plugins: [] },
  { name: 'proposal: + environment credentials only', plugins: [environmentCredentialsOnly] },
];
