import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from './settings';
import { ZetaStack } from './zetaStack';

/**
 * Everything bin/app.ts does to an App, here so that the infra tests build
 * exactly what `cdk synth` and `cdk deploy` build.
 */
export function defineZetaApp(app: App): ZetaStack {
  const settings = readSettings(app.node);
  const stack = new ZetaStack(app, `ZetaAssistant-${settings.stage}`, {
    settings,
    description: `ZETA Assistant (${settings.stage}): WhatsApp shopping assistant for the ZETA furniture store`,
    ...(settings.account !== undefined || settings.region !== undefined
      ? { env: { account: settings.account, region: settings.region } }
      : {}),
  });
  // cdk-nag 3 is a policy-validation plugin rather than an Aspect: any
  // AwsSolutions finding that is not acknowledged (Validations.of(...).acknowledge)
  // fails `cdk synth`, and with it `cdk deploy`.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
