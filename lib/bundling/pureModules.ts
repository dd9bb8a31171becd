import type { Plugin } from 'esbuild';

/**
 * The functions' own modules only declare things (schemas, constants,
 * classes, functions); none is imported for what evaluating it does. Telling
 * esbuild so lets a bundle leave out a module none of whose exports it uses,
 * with the zod schemas that module would otherwise build at every cold start
 * (the pricing file's, once the pricing is validated at build).
 */
export function pureModules(pattern: RegExp): Plugin {
  return {
    name: 'zeta-pure-modules',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === PURE || args.kind === 'entry-point') return undefined;
        const resolved = await build.resolve(args.path, {
          importer: args.importer,
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: PURE,
        });
        if (resolved.errors.length > 0 || !pattern.test(resolved.path)) return undefined;
        return { path: resolved.path, sideEffects: false };
      });
    },
  };
}

const PURE = Symbol('zeta-pure-modules');
