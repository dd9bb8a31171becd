import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Plugin } from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { parseBundledPricing } from '../../functions/adapters/cost/bundledPricing';
import { parseBundledShowrooms } from '../../functions/adapters/showrooms/bundledShowrooms';
import { parseTemplateDefinitions } from '../../functions/domain/messaging/templateCatalog';

/** Parses a data file's content as its importer would, throwing on anything invalid. */
export type DataValidator = (raw: unknown) => unknown;

/**
 * The data files the functions read as
 * `process.env.ZETA_BUNDLED_DATA === 'validated' ? raw : parse(raw)`, each
 * with that parse. In a bundle the condition is the constant `true`
 * (BUNDLED_DATA_DEFINE), so the parse and its schema are left out and a cold
 * start parses nothing; under tsx and vitest the data is validated at first use.
 */
export const VALIDATED_AT_BUILD: Readonly<Record<string, DataValidator>> = {
  'data/pricing.json': parseBundledPricing,
  'data/showrooms.json': parseBundledShowrooms,
  'templates/message_templates.yaml': parseTemplateDefinitions,
};

/** Makes the condition above a constant in the bundles: the data was validated here. */
export const BUNDLED_DATA_DEFINE = { 'process.env.ZETA_BUNDLED_DATA': '"validated"' } as const;

export class DataModuleError extends Error {
  override readonly name = 'DataModuleError';
}

/**
 * Build-time work instead of init-time work: YAML becomes JSON (the `yaml`
 * package stays out of the bundles), and each data file of `validators` is
 * validated now — a typo fails the build, i.e. `cdk synth` — and bundled as
 * its validated value, so a cold start parses nothing. Either way the result
 * goes through esbuild's JSON loader, which keeps only what is used.
 */
export function dataModules(projectRoot: string, validators: Readonly<Record<string, DataValidator>> = VALIDATED_AT_BUILD): Plugin {
  return {
    name: 'zeta-data-modules',
    setup(build) {
      build.onLoad({ filter: /\.(ya?ml|json)$/ }, async (args) => {
        const file = relative(projectRoot, args.path).split('\\').join('/');
        const yaml = /\.ya?ml$/.test(file);
        const validate = validators[file];
        if (!yaml && validate === undefined) return undefined;
        const text = await readFile(args.path, 'utf8');
        let data: unknown = yaml ? parseYaml(text) : JSON.parse(text);
        if (validate !== undefined) {
          try {
            data = validate(data);
          } catch (error) {
            throw new DataModuleError(`${file} is invalid: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        return { contents: JSON.stringify(data), loader: 'json', watchFiles: [args.path] };
      });
    },
  };
}
