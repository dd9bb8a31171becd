/**
 * Data files bundled with the code (the pricing, the showrooms, the template
 * definitions) are validated when a Lambda bundle is built
 * (lib/bundling/dataModules.ts), which also turns this condition into a
 * constant: a cold start in Lambda takes the data as built, and the parse
 * function is left out of the bundle. Everywhere else (tsx, vitest, the CLI)
 * the data is validated here, when it is first used. Either way a typo fails
 * loudly: at build, or at the first use.
 */
export function bundledData<T>(raw: unknown, parse: (raw: unknown) => T): T {
  return process.env.ZETA_BUNDLED_DATA === 'validated' ? (raw as T) : parse(raw);
}
