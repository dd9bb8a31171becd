import { parse } from 'yaml';
import { defineConfig, type Plugin } from 'vitest/config';

/** .yaml imports are the data they hold, as in the Lambda bundles (lib/bundling/dataModules.ts) and under node (bin/yamlModules.mjs). */
const yamlAsData: Plugin = {
  name: 'yaml-as-data',
  transform(code, id) {
    return id.endsWith('.yaml') ? { code: `export default ${JSON.stringify(parse(code))};`, map: null } : undefined;
  },
};

export default defineConfig({
  plugins: [yamlAsData],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
