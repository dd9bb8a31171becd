import { join } from 'node:path';
import { type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Environment } from '../../functions/config/environment';
import { LAMBDA_BUNDLE, LAMBDA_ENTRIES, PROJECT_ROOT, type LambdaName } from '../lambdaBundling';
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
 * A NodejsFunction with the project's defaults: arm64 (about 20% cheaper per
 * GB-second than x86 for the same work, and nothing here is native code), the
 * shared bundle options, its own log group with the stage's retention, and its
 * own role that can write to that log group and nothing else until the caller
 * grants more.
 */
export function zetaFunction(scope: Construct, id: string, props: ZetaFunctionProps): NodejsFunction {
  const { settings } = props;
  const removalPolicy = isProduction(settings) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: settings.logRetentionDays, removalPolicy });
  // Instead of AWSLambdaBasicExecutionRole, which may create and write any log group in the account.
  const role = new Role(scope, `${id}Role`, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `${props.description} (execution role)`,
  });
  logGroup.grantWrite(role);

  const fn = new NodejsFunction(scope, id, {
    entry: join(PROJECT_ROOT, LAMBDA_ENTRIES[props.name]),
    handler: 'handler',
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
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
    bundling: {
      ...LAMBDA_BUNDLE,
      format: OutputFormat.ESM,
      mainFields: [...LAMBDA_BUNDLE.mainFields],
      // Offline, Docker-free synth: CDK runs the project's own esbuild.
      forceDockerBundling: false,
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
