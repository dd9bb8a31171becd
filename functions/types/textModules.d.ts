/** YAML files are imported as their text: esbuild's text loader in Lambda bundles, bin/textModules.mjs under node, a vite plugin in vitest. */
declare module '*.yaml' {
  const text: string;
  export default text;
}
