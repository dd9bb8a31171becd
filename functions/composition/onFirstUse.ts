/**
 * A part of a function loaded and built when it is first needed rather than
 * at the cold start: `load` runs once (again only if it failed), and every
 * caller waits for the same result. With the bundles' code splitting
 * (lib/lambdaBundling.ts), a dynamic `import()` in `load` keeps that part's
 * code out of what the cold start compiles.
 */
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
