import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AssetHashType, DockerImage, type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Environment } from '../../functions/config/environment';
import { LAMBDA_HANDLER_FILE, PROJECT_ROOT, type LambdaName } from '../lambdaBundling';
import { appSettingsEnvironment } from '../appSettings';
import { isProduction, type Settings } from '../settings';

/** CloudWatch namespace of the app's own metrics (functions/observability/telemetry.ts writes to it). */
export const METRICS_NAMESPACE = 'ZetaAssistant';

/**
 * The `service` dimension of each function's metrics and logs. The webhook and
 * the consumer pass these same names to createTelemetry (which takes precedence
 * over POWERTOOLS_SERVICE_NAME), so the dashboard finds their metrics.
 */
export const SERVICE_NAMES = {
  webhook: 'webhook',
  consumer: 'consumer',
  catalogImages: 'catalog-images',
  alertChecker: 'alert-checker',
  ledgerWriter: 'ledger-writer',
} as const satisfies Record<LambdaName, string>;

/** Node 24 to match LAMBDA_NODE_MAJOR; test/infra checks that the two agree. */
export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;

/**
 * Variables from functions/config/environment.ts that the stack may set. The
 * secret values are excluded by type: in AWS they only ever come from Secrets
 * Manager through SECRETS_ID. AWS_REGION is set by Lambda itself.
 */
type SecretVariable = 'WHATSAPP_APP_SECRET' | 'WHATSAPP_VERIFY_TOKEN' | 'WHATSAPP_TOKEN' | 'OPENAI_API_KEY' | 'BITRIX24_WEBHOOK_URL';
export type FunctionEnvironment = Partial<Record<Exclude<keyof Environment, SecretVariable | 'AWS_REGION'>, string>>;

/**
 * The function's code: its bundle, built by the project's own esbuild
 * (lib/lambdaBundling.ts, through scripts/bundleLambda.ts) on this machine —
 * offline, without Docker — and hashed by its output, so a change anywhere in
 * what it bundles deploys and nothing else does.
 */
function lambdaCode(name: LambdaName): Code {
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Only used if local bundling declines, which it never does.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      // Part of CDK's cache key for this asset, so each function gets its own bundle.
      command: ['scripts/bundleLambda.ts', name],
      local: {
        tryBundle(outputDir: string): boolean {
          execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/bundleLambda.ts'), name, outputDir], {
            cwd: PROJECT_ROOT,
            stdio: 'inherit',
          });
          return true;
        },
      },
    },
  });
}

export interface ZetaFunctionProps {
  readonly name: LambdaName;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment?: FunctionEnvironment;
  readonly reservedConcurrentExecutions?: number;
  readonly settings: Settings;
}

/**
 * A Lambda function with the project's defaults: arm64 (about 20% cheaper per
 * GB-second than x86 for the same work, and nothing here is native code), the
 * shared bundling (lib/lambdaBundling.ts), its own log group with the stage's retention, and its
 * own role that can write to that log group and nothing else until the caller
 * grants more.
 */
export function zetaFunction(scope: Construct, id: string, props: ZetaFunctionProps): LambdaFunction {
  const { settings } = props;
  const removalPolicy = isProduction(settings) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: settings.logRetentionDays, removalPolicy });
  // Instead of AWSLambdaBasicExecutionRole, which may create and write any log group in the account.
  const role = new Role(scope, `${id}Role`, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `${props.description} (execution role)`,
  });
  logGroup.grantWrite(role);

  const fn = new LambdaFunction(scope, id, {
    code: lambdaCode(props.name),
    handler: `${LAMBDA_HANDLER_FILE.replace(/\.mjs$/, '')}.handler`,
    description: props.description,
    runtime: LAMBDA_RUNTIME,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize,
    timeout: props.timeout,
    role,
    logGroup,
    tracing: settings.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
    reservedConcurrentExecutions: props.reservedConcurrentExecutions,
    environment: {
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: SERVICE_NAMES[props.name],
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      LOG_LEVEL: settings.logLevel,
      STAGE: settings.stage,
      ...appSettingsEnvironment(settings, props.name),
      ...props.environment,
    },
  });

  if (settings.tracing) {
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Tracing is on for this stage: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions, so X-Ray requires Resource "*".',
    });
  }
  return fn;
}
