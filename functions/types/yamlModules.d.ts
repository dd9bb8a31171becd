/**
 * YAML files are imported as the data they hold: turned into JSON at build in
 * the Lambda bundles (lib/bundling/dataModules.ts), by bin/yamlModules.mjs under
 * node, by a vite plugin in vitest. The importer validates it (lib/bundling/dataModules.ts).
 */
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
