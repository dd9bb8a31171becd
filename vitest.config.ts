import { defineConfig, type Plugin } from 'vitest/config';

/** .yaml imports are their text, as in the Lambda bundles (esbuild's text loader) and under node (bin/textModules.mjs). */
const yamlAsText: Plugin = {
  name: 'yaml-as-text',
  transform(code, id) {
    return id.endsWith('.yaml') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
  },
};

export default defineConfig({
  plugins: [yamlAsText],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
