import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { PROJECT_ROOT } from './lambdaBundling';
import { defineZetaApp } from './zetaApp';

/** cdk.json's context: the settings' defaults and CDK's feature flags, as `cdk synth` reads them. */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
}

/**
 * What `npx cdk synth -o <outdir> -c key=value…` writes, without the CLI: the
 * cloud assembly (template, bundled functions) of the app bin/app.ts defines.
 * The as-deployed mode of `zeta start` and its tests run this assembly.
 */
export function synthesizeAssembly(outdir: string, context: Record<string, string> = {}): string {
  const app = new App({
    outdir,
    // The CLI sets these: the template then names each function's bundle (aws:asset:path).
    context: { ...cdkJsonContext(), 'aws:cdk:enable-asset-metadata': true, 'aws:cdk:enable-path-metadata': true, ...context },
  });
  defineZetaApp(app);
  return app.synth().directory;
}
