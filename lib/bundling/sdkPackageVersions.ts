import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * The AWS SDK's clients import their whole package.json for one field: the
 * version in their user agent (`packageInfo.version`, the only field they
 * read). Bundled as that field alone: 2–3 KB less of each function's cold
 * start per client.
 */
export function sdkPackageVersions(): Plugin {
  return {
    name: 'zeta-sdk-package-versions',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]@aws-sdk[\\/][^\\/]+[\\/]package\.json$/ }, async (args) => {
        const { version } = JSON.parse(await readFile(args.path, 'utf8')) as { version: string };
        return { contents: JSON.stringify({ version }), loader: 'json', watchFiles: [args.path] };
      });
    },
  };
}
