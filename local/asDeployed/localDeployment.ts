import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES } from '../../lib/constructs/zetaFunction';
import type { LambdaName } from '../../lib/lambdaBundling';
import { resolveIntrinsics, UnresolvableIntrinsicError, type PseudoParameters, type ResourceIds } from './cloudFormationIntrinsics';

/**
 * A synthesized stack (cdk.out) "deployed" on this machine: every resource gets
 * the kind of physical id CloudFormation would give it (generated names, ARNs
 * in this account and region), and the functions' environment, roles'
 * policies and resources' policies are resolved against those ids exactly as
 * CloudFormation resolves them. Nothing here is written by hand per resource:
 * what the template says is what runs.
 */

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement[];
}

export interface NamedPolicy {
  name: string;
  policy: PolicyDocument;
}

export interface DeployedRole {
  logicalId: string;
  name: string;
  arn: string;
  policies: NamedPolicy[];
}

export interface DeployedFunction {
  logicalId: string;
  name: LambdaName;
  functionName: string;
  arn: string;
  role: DeployedRole;
  /** Exactly the template's Environment.Variables, resolved. */
  environment: Record<string, string>;
  /** The bundled handler module in cdk.out and its export. */
  bundle: string;
  handlerExport: string;
  timeoutMs: number;
  memoryMb: number;
  logGroupName: string | undefined;
  logGroupArn: string | undefined;
  runtime: string;
}

export interface DeployedQueue {
  logicalId: string;
  name: string;
  url: string;
  arn: string;
  fifo: boolean;
  visibilityTimeoutSeconds: number;
  retentionSeconds: number;
  contentBasedDeduplication: boolean;
  deduplicationScope: 'queue' | 'messageGroup';
  redrive: { deadLetterArn: string; maxReceiveCount: number } | undefined;
  policy: PolicyDocument | undefined;
}

export interface DeployedSecret {
  logicalId: string;
  name: string;
  arn: string;
  /** The secret's first value, as CloudFormation's GenerateSecretString makes it. */
  generate: { template: Record<string, unknown>; key: string; length: number; excludePunctuation: boolean } | undefined;
}

export interface DeployedSchedule {
  logicalId: string;
  name: string;
  expression: string;
  timeZone: string;
  targetArn: string;
  roleArn: string;
  input: string | undefined;
  deadLetterArn: string | undefined;
}

export interface EventSourceMapping {
  functionName: string;
  queueArn: string;
  batchSize: number;
  maximumConcurrency: number | undefined;
  reportBatchItemFailures: boolean;
}

export interface ApiRoute {
  method: string;
  /** The route's path, `{name}` for a path parameter. */
  path: string;
  functionArn: string;
}

/** How API Gateway limits a route: a token bucket of `burstLimit` refilled at `rateLimit` a second. */
export interface RouteThrottle {
  rateLimit: number;
  burstLimit: number;
}

/** A CloudFront distribution: its address, and per path pattern the cache policy its behavior uses. */
export interface DeployedDistribution {
  id: string;
  domainName: string;
  /** Additional behaviors first, in the template's order; the default (`*`) last. */
  behaviors: Array<{ pathPattern: string; cachePolicyId: string; allowedMethods: string[] }>;
}

/** A CloudWatch Logs subscription: matching lines of a log group delivered to a function. */
export interface LogSubscription {
  name: string;
  logGroupName: string;
  filterPattern: string;
  destinationArn: string;
}

/** How Lambda runs a function's asynchronous invocations: retries, and where a failed one goes. */
export interface AsyncInvokeConfig {
  functionName: string;
  maximumRetryAttempts: number;
  onFailureArn: string | undefined;
}

/**
 * What CDK's BucketDeployment does when CloudFormation creates it: its
 * provider function (with `role`) copies the files of asset zips from the
 * CDK asset bucket into a bucket of the stack. Locally the assets are the
 * directories `cdk synth` staged in the assembly.
 */
export interface BucketDeploymentResource {
  logicalId: string;
  role: DeployedRole;
  sources: Array<{ bucketName: string; objectKey: string; directory: string }>;
  destinationBucket: string;
  destinationPrefix: string;
  prune: boolean;
  contentType: string | undefined;
}

/** A Lambda permission: who may invoke a function, as its resource-based policy statement. */
export interface FunctionPermission {
  functionArn: string;
  statement: PolicyStatement;
}

export interface LocalDeploymentOptions {
  /** The synthesized cloud assembly (cdk.out). */
  assemblyDirectory: string;
  /** Where a stack without an explicit environment is "deployed". */
  region: string;
  accountId: string;
  /** The endpoint the functions' SQS client uses: queue URLs live under it. */
  sqsEndpoint: string;
}

type TemplateResource = {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  DeletionPolicy?: string;
};

/**
 * The AWS managed policies the template's roles may attach, as AWS defines
 * them: only CDK's deploy-time provider functions use one
 * (AWSLambdaBasicExecutionRole, for their own logs); the app's roles have none.
 */
const AWS_MANAGED_POLICIES: Record<string, PolicyDocument> = {
  'service-role/AWSLambdaBasicExecutionRole': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }],
  },
};

const LAMBDA_NAMES = Object.fromEntries(Object.entries(SERVICE_NAMES).map(([name, service]) => [service, name])) as Record<
  string,
  LambdaName
>;

/** CloudFormation's generated names end in a random suffix; here it is derived from the stack and logical id, so runs are repeatable. */
function suffix(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').toUpperCase().slice(0, length);
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export class LocalDeployment {
  readonly stackName: string;
  readonly parameters: PseudoParameters;
  readonly resources: Record<string, TemplateResource>;
  private readonly ids = new Map<string, { ref: string; attributes: Record<string, string> }>();

  private constructor(
    private readonly options: LocalDeploymentOptions,
    stackName: string,
    template: { Resources: Record<string, TemplateResource> },
    region: string,
    accountId: string,
  ) {
    this.stackName = stackName;
    this.resources = template.Resources;
    this.parameters = { region, accountId, stackName, partition: 'aws', urlSuffix: 'amazonaws.com' };
    for (const [logicalId, resource] of Object.entries(this.resources)) this.assignIds(logicalId, resource);
  }

  /** Reads the one stack of a cloud assembly. */
  static fromAssembly(options: LocalDeploymentOptions): LocalDeployment {
    const manifest = JSON.parse(readFileSync(join(options.assemblyDirectory, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { type: string; environment?: string; properties?: { templateFile?: string } }>;
    };
    const stacks = Object.entries(manifest.artifacts).filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack');
    if (stacks.length !== 1) throw new Error(`expected one stack in ${options.assemblyDirectory}, found ${stacks.length}`);
    const [stackName, artifact] = stacks[0] as [string, (typeof manifest.artifacts)[string]];
    const template = JSON.parse(readFileSync(join(options.assemblyDirectory, artifact.properties?.templateFile ?? ''), 'utf8'));
    // aws://123456789012/eu-central-1, or aws://unknown-account/unknown-region when environment-agnostic.
    const [, account, region] = /^aws:\/\/([^/]+)\/(.+)$/.exec(artifact.environment ?? '') ?? [];
    return new LocalDeployment(
      options,
      stackName,
      template,
      region && !region.startsWith('unknown') ? region : options.region,
      account && !account.startsWith('unknown') ? account : options.accountId,
    );
  }

  get region(): string {
    return this.parameters.region;
  }

  get accountId(): string {
    return this.parameters.accountId;
  }

  resolve(value: unknown): unknown {
    return resolveIntrinsics(value, this.resourceIds(), this.parameters);
  }

  ofType(type: string): Array<[string, TemplateResource]> {
    return Object.entries(this.resources).filter(([, resource]) => resource.Type === type);
  }

  ref(logicalId: string): string {
    return this.resourceIds().ref(logicalId);
  }

  attribute(logicalId: string, attribute: string): string {
    return this.resourceIds().attribute(logicalId, attribute);
  }

  /** The app's functions; a custom resource's provider runs at deploy time only, and is modelled by what it does (bucketDeployments). */
  functions(): Record<LambdaName, DeployedFunction> {
    const functions = {} as Record<LambdaName, DeployedFunction>;
    const providers = new Set(this.customResourceProviders());
    for (const [logicalId, resource] of this.ofType('AWS::Lambda::Function')) {
      if (providers.has(logicalId)) continue;
      const properties = resource.Properties ?? {};
      const environment = this.resolve((properties.Environment as { Variables?: unknown } | undefined)?.Variables ?? {}) as Record<
        string,
        string
      >;
      const name = LAMBDA_NAMES[environment.POWERTOOLS_SERVICE_NAME ?? ''];
      if (name === undefined) throw new Error(`function ${logicalId} has no known POWERTOOLS_SERVICE_NAME`);
      const assetPath = resource.Metadata?.['aws:asset:path'];
      if (typeof assetPath !== 'string') throw new Error(`function ${logicalId} has no bundled asset in the assembly`);
      const [file = 'index', handlerExport = 'handler'] = String(properties.Handler ?? 'index.handler').split('.');
      const bundle = join(this.options.assemblyDirectory, assetPath, `${file}.mjs`);
      if (!existsSync(bundle)) throw new Error(`function ${logicalId}: ${bundle} is missing (an ESM bundle is expected)`);
      const roleArn = String(this.resolve(properties.Role));
      const logGroup = (properties.LoggingConfig as { LogGroup?: unknown } | undefined)?.LogGroup;
      const logGroupName = logGroup === undefined ? undefined : String(this.resolve(logGroup));
      functions[name] = {
        logicalId,
        name,
        functionName: this.ref(logicalId),
        arn: this.attribute(logicalId, 'Arn'),
        role: this.roleByArn(roleArn),
        environment,
        bundle,
        handlerExport,
        timeoutMs: Number(properties.Timeout ?? 3) * 1000,
        memoryMb: Number(properties.MemorySize ?? 128),
        logGroupName,
        logGroupArn: logGroupName === undefined ? undefined : `arn:aws:logs:${this.region}:${this.accountId}:log-group:${logGroupName}`,
        runtime: String(properties.Runtime),
      };
    }
    return functions;
  }

  /** The functions custom resources name as their ServiceToken. */
  customResourceProviders(): string[] {
    return Object.values(this.resources)
      .filter((resource) => resource.Type.startsWith('Custom::') || resource.Type === 'AWS::CloudFormation::CustomResource')
      .map((resource) => (resource.Properties?.ServiceToken as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0])
      .filter((logicalId): logicalId is string => logicalId !== undefined);
  }

  /** CDK BucketDeployments: what each copies where, with its provider's role, the asset directories read from the assembly. */
  bucketDeployments(): BucketDeploymentResource[] {
    const assets = this.fileAssets();
    return this.ofType('Custom::CDKBucketDeployment').map(([logicalId, resource]) => {
      const properties = this.resolve(resource.Properties ?? {}) as {
        ServiceToken: string;
        SourceBucketNames: string[];
        SourceObjectKeys: string[];
        DestinationBucketName: string;
        DestinationBucketKeyPrefix?: string;
        Prune?: boolean | string;
        Extract?: boolean | string;
        SystemMetadata?: Record<string, string>;
      };
      if (String(properties.Extract ?? true) !== 'true')
        throw new Error(`${logicalId}: only extracted (Extract: true) deployments are modelled`);
      const provider = Object.entries(this.resources).find(
        ([candidate, fn]) => fn.Type === 'AWS::Lambda::Function' && this.attribute(candidate, 'Arn') === properties.ServiceToken,
      );
      if (provider === undefined) throw new Error(`${logicalId}: no provider function ${properties.ServiceToken} in the template`);
      return {
        logicalId,
        role: this.roleByArn(String(this.resolve(provider[1].Properties?.Role))),
        sources: properties.SourceObjectKeys.map((objectKey, index) => {
          const directory = assets.get(objectKey);
          if (directory === undefined) throw new Error(`${logicalId}: the asset ${objectKey} is not a directory staged in the assembly`);
          return { bucketName: properties.SourceBucketNames[index] ?? '', objectKey, directory };
        }),
        destinationBucket: properties.DestinationBucketName,
        destinationPrefix: properties.DestinationBucketKeyPrefix ?? '',
        prune: String(properties.Prune ?? true) === 'true',
        contentType: properties.SystemMetadata?.['content-type'],
      };
    });
  }

  roles(): DeployedRole[] {
    return this.ofType('AWS::IAM::Role').map(([logicalId]) => this.role(logicalId));
  }

  roleByArn(arn: string): DeployedRole {
    const role = this.roles().find((candidate) => candidate.arn === arn);
    if (role === undefined) throw new Error(`no role ${arn} in the template`);
    return role;
  }

  queues(): DeployedQueue[] {
    return this.ofType('AWS::SQS::Queue').map(([logicalId, resource]) => {
      const properties = resource.Properties ?? {};
      const redrive = properties.RedrivePolicy as { deadLetterTargetArn: unknown; maxReceiveCount: number } | undefined;
      const policy = this.ofType('AWS::SQS::QueuePolicy').find(([, candidate]) =>
        asArray(candidate.Properties?.Queues as unknown[]).some((queue) => this.resolve(queue) === this.ref(logicalId)),
      );
      return {
        logicalId,
        name: this.attribute(logicalId, 'QueueName'),
        url: this.ref(logicalId),
        arn: this.attribute(logicalId, 'Arn'),
        fifo: properties.FifoQueue === true,
        visibilityTimeoutSeconds: Number(properties.VisibilityTimeout ?? 30),
        retentionSeconds: Number(properties.MessageRetentionPeriod ?? 345_600),
        contentBasedDeduplication: properties.ContentBasedDeduplication === true,
        deduplicationScope: properties.DeduplicationScope === 'messageGroup' ? 'messageGroup' : 'queue',
        redrive:
          redrive === undefined
            ? undefined
            : { deadLetterArn: String(this.resolve(redrive.deadLetterTargetArn)), maxReceiveCount: Number(redrive.maxReceiveCount) },
        policy: policy === undefined ? undefined : (this.resolve(policy[1].Properties?.PolicyDocument) as unknown as PolicyDocument),
      };
    });
  }

  /** The one resource of a type the app has exactly one of (the table, the media bucket, the secret). */
  single(type: string): [string, TemplateResource] {
    const found = this.ofType(type);
    if (found.length !== 1) throw new Error(`expected one ${type} in the template, found ${found.length}`);
    return found[0] as [string, TemplateResource];
  }

  secret(): DeployedSecret {
    const [logicalId, resource] = this.single('AWS::SecretsManager::Secret');
    const generate = resource.Properties?.GenerateSecretString as
      { SecretStringTemplate?: string; GenerateStringKey?: string; PasswordLength?: number; ExcludePunctuation?: boolean } | undefined;
    return {
      logicalId,
      name: this.attribute(logicalId, 'Name'),
      arn: this.ref(logicalId),
      generate:
        generate?.GenerateStringKey === undefined
          ? undefined
          : {
              template: JSON.parse(generate.SecretStringTemplate ?? '{}'),
              key: generate.GenerateStringKey,
              length: generate.PasswordLength ?? 32,
              excludePunctuation: generate.ExcludePunctuation === true,
            },
    };
  }

  /** The resource-based policy of an S3 bucket, if the template gives it one. */
  bucketPolicy(bucketLogicalId: string): PolicyDocument | undefined {
    const policy = this.ofType('AWS::S3::BucketPolicy').find(
      ([, candidate]) => this.resolve(candidate.Properties?.Bucket) === this.ref(bucketLogicalId),
    );
    return policy === undefined ? undefined : (this.resolve(policy[1].Properties?.PolicyDocument) as unknown as PolicyDocument);
  }

  schedules(): DeployedSchedule[] {
    return this.ofType('AWS::Scheduler::Schedule').map(([logicalId, resource]) => {
      const properties = this.resolve(resource.Properties ?? {}) as {
        ScheduleExpression: string;
        ScheduleExpressionTimezone?: string;
        Target: { Arn: string; RoleArn: string; Input?: string; DeadLetterConfig?: { Arn?: string } };
      };
      return {
        logicalId,
        name: this.ref(logicalId),
        expression: properties.ScheduleExpression,
        timeZone: properties.ScheduleExpressionTimezone ?? 'UTC',
        targetArn: properties.Target.Arn,
        roleArn: properties.Target.RoleArn,
        input: properties.Target.Input,
        deadLetterArn: properties.Target.DeadLetterConfig?.Arn,
      };
    });
  }

  eventSourceMappings(): EventSourceMapping[] {
    return this.ofType('AWS::Lambda::EventSourceMapping').map(([, resource]) => {
      const properties = this.resolve(resource.Properties ?? {}) as {
        FunctionName: string;
        EventSourceArn: string;
        BatchSize?: number;
        ScalingConfig?: { MaximumConcurrency?: number };
        FunctionResponseTypes?: string[];
      };
      return {
        functionName: properties.FunctionName,
        queueArn: properties.EventSourceArn,
        batchSize: properties.BatchSize ?? 10,
        maximumConcurrency: properties.ScalingConfig?.MaximumConcurrency,
        reportBatchItemFailures: (properties.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
      };
    });
  }

  /** The HTTP API's routes and the function each integration invokes. */
  apiRoutes(): ApiRoute[] {
    return this.ofType('AWS::ApiGatewayV2::Route').map(([, route]) => {
      const routeKey = String(route.Properties?.RouteKey);
      const [method = '', path = ''] = routeKey.split(' ');
      const target = String(this.resolve(route.Properties?.Target));
      const integrationId = target.replace(/^integrations\//, '');
      const integration = Object.entries(this.resources).find(
        ([logicalId, resource]) => resource.Type === 'AWS::ApiGatewayV2::Integration' && this.ref(logicalId) === integrationId,
      );
      if (integration === undefined) throw new Error(`route ${routeKey} has no integration in the template`);
      return { method, path, functionArn: String(this.resolve(integration[1].Properties?.IntegrationUri)) };
    });
  }

  /** The `$default` stage's limits: per route key, and the default for every other route. */
  routeThrottles(): { byRoute: Record<string, RouteThrottle>; fallback: RouteThrottle | undefined } {
    const [, stage] = this.single('AWS::ApiGatewayV2::Stage');
    type Settings = { ThrottlingRateLimit?: number; ThrottlingBurstLimit?: number } | undefined;
    const limits = (settings: Settings): RouteThrottle | undefined =>
      settings?.ThrottlingRateLimit === undefined || settings.ThrottlingBurstLimit === undefined
        ? undefined
        : { rateLimit: settings.ThrottlingRateLimit, burstLimit: settings.ThrottlingBurstLimit };
    const properties = (stage.Properties ?? {}) as { DefaultRouteSettings?: Settings; RouteSettings?: Record<string, Settings> };
    const byRoute: Record<string, RouteThrottle> = {};
    for (const [routeKey, settings] of Object.entries(properties.RouteSettings ?? {})) {
      const route = limits(settings);
      if (route !== undefined) byRoute[routeKey] = route;
    }
    return { byRoute, fallback: limits(properties.DefaultRouteSettings) };
  }

  distributions(): DeployedDistribution[] {
    type Behavior = { PathPattern?: string; CachePolicyId?: string; AllowedMethods?: string[] };
    return this.ofType('AWS::CloudFront::Distribution').map(([logicalId, resource]) => {
      const config = (resource.Properties?.DistributionConfig ?? {}) as { CacheBehaviors?: Behavior[]; DefaultCacheBehavior?: Behavior };
      const behavior = (entry: Behavior, pathPattern: string) => ({
        pathPattern,
        cachePolicyId: String(entry.CachePolicyId ?? ''),
        allowedMethods: entry.AllowedMethods ?? ['GET', 'HEAD'],
      });
      return {
        id: this.ref(logicalId),
        domainName: this.attribute(logicalId, 'DomainName'),
        behaviors: [
          ...(config.CacheBehaviors ?? []).map((entry) => behavior(entry, String(entry.PathPattern))),
          behavior(config.DefaultCacheBehavior ?? {}, '*'),
        ],
      };
    });
  }

  /** The API's invoke URL (the `$default` stage), as the functions' environment spells it. */
  apiEndpoint(): string {
    const [logicalId] = this.single('AWS::ApiGatewayV2::Api');
    return this.attribute(logicalId, 'ApiEndpoint');
  }

  apiId(): string {
    return this.ref(this.single('AWS::ApiGatewayV2::Api')[0]);
  }

  permissions(): FunctionPermission[] {
    return this.ofType('AWS::Lambda::Permission').map(([, resource]) => {
      const properties = this.resolve(resource.Properties ?? {}) as {
        Action: string;
        FunctionName: string;
        Principal: string;
        SourceArn?: string;
        SourceAccount?: string;
      };
      const principal = properties.Principal.endsWith('.amazonaws.com') ? { Service: properties.Principal } : { AWS: properties.Principal };
      const condition: Record<string, Record<string, string>> = {};
      if (properties.SourceArn !== undefined) condition.ArnLike = { 'AWS:SourceArn': properties.SourceArn };
      if (properties.SourceAccount !== undefined) condition.StringEquals = { 'AWS:SourceAccount': properties.SourceAccount };
      return {
        functionArn: properties.FunctionName,
        statement: {
          Effect: 'Allow',
          Principal: principal,
          Action: properties.Action,
          Resource: properties.FunctionName,
          ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
        },
      };
    });
  }

  logSubscriptions(): LogSubscription[] {
    return this.ofType('AWS::Logs::SubscriptionFilter').map(([logicalId, resource]) => {
      const properties = this.resolve(resource.Properties ?? {}) as { LogGroupName: string; FilterPattern: string; DestinationArn: string };
      return {
        name: logicalId,
        logGroupName: properties.LogGroupName,
        filterPattern: properties.FilterPattern,
        destinationArn: properties.DestinationArn,
      };
    });
  }

  asyncInvokeConfigs(): AsyncInvokeConfig[] {
    return this.ofType('AWS::Lambda::EventInvokeConfig').map(([, resource]) => {
      const properties = this.resolve(resource.Properties ?? {}) as {
        FunctionName: string;
        MaximumRetryAttempts?: number;
        DestinationConfig?: { OnFailure?: { Destination?: string } };
      };
      return {
        functionName: properties.FunctionName,
        maximumRetryAttempts: properties.MaximumRetryAttempts ?? 2,
        onFailureArn: properties.DestinationConfig?.OnFailure?.Destination,
      };
    });
  }

  private role(logicalId: string): DeployedRole {
    const resource = this.resources[logicalId];
    const inline = asArray(resource?.Properties?.Policies as Array<{ PolicyName: string; PolicyDocument: unknown }> | undefined).map(
      (policy) => ({ name: policy.PolicyName, policy: this.resolve(policy.PolicyDocument) as unknown as PolicyDocument }),
    );
    const managed = asArray(resource?.Properties?.ManagedPolicyArns as unknown[]).map((arn) => {
      const name = /^arn:aws:iam::aws:policy\/(.+)$/.exec(String(this.resolve(arn)))?.[1];
      const policy = name === undefined ? undefined : AWS_MANAGED_POLICIES[name];
      if (policy === undefined)
        throw new UnresolvableIntrinsicError(
          `role ${logicalId} has a managed policy the local deployment does not know: ${String(this.resolve(arn))}`,
        );
      return { name: `aws-managed/${name}`, policy };
    });
    const attached = this.ofType('AWS::IAM::Policy')
      .filter(([, policy]) => asArray(policy.Properties?.Roles as unknown[]).some((role) => (role as { Ref?: string }).Ref === logicalId))
      .map(([policyId, policy]) => ({
        name: String(policy.Properties?.PolicyName ?? policyId),
        policy: this.resolve(policy.Properties?.PolicyDocument) as unknown as PolicyDocument,
      }));
    return { logicalId, name: this.ref(logicalId), arn: this.attribute(logicalId, 'Arn'), policies: [...inline, ...managed, ...attached] };
  }

  /** The assembly's zip assets staged as directories, by the object key they publish to. */
  private fileAssets(): Map<string, string> {
    const manifest = JSON.parse(readFileSync(join(this.options.assemblyDirectory, `${this.stackName}.assets.json`), 'utf8')) as {
      files?: Record<string, { source: { path: string; packaging?: string }; destinations: Record<string, { objectKey: string }> }>;
    };
    const directories = new Map<string, string>();
    for (const asset of Object.values(manifest.files ?? {})) {
      if (asset.source.packaging !== 'zip') continue;
      for (const destination of Object.values(asset.destinations)) {
        directories.set(destination.objectKey, join(this.options.assemblyDirectory, asset.source.path));
      }
    }
    return directories;
  }

  private resourceIds(): ResourceIds {
    return {
      ref: (logicalId) => {
        const ids = this.ids.get(logicalId);
        if (ids === undefined) throw new UnresolvableIntrinsicError(`Ref to ${logicalId}, which is not in the template`);
        return ids.ref;
      },
      attribute: (logicalId, attribute) => {
        const value = this.ids.get(logicalId)?.attributes[attribute];
        if (value === undefined) throw new UnresolvableIntrinsicError(`Fn::GetAtt ${logicalId}.${attribute} is not modelled locally`);
        return value;
      },
    };
  }

  /** The physical ids CloudFormation gives each resource type (Ref and the attributes the app's template reads). */
  private assignIds(logicalId: string, resource: TemplateResource): void {
    const { region, accountId, stackName } = this.parameters;
    const properties = resource.Properties ?? {};
    const explicit = (key: string) => (typeof properties[key] === 'string' ? (properties[key] as string) : undefined);
    const generated = (maxLength = 64) => `${stackName}-${logicalId}`.slice(0, maxLength - 13) + `-${suffix(stackName + logicalId, 12)}`;
    const set = (ref: string, attributes: Record<string, string> = {}): void => {
      this.ids.set(logicalId, { ref, attributes });
    };
    switch (resource.Type) {
      case 'AWS::DynamoDB::Table': {
        const name = explicit('TableName') ?? generated(255);
        return set(name, { Arn: `arn:aws:dynamodb:${region}:${accountId}:table/${name}` });
      }
      case 'AWS::S3::Bucket': {
        const name = explicit('BucketName') ?? generated(63).toLowerCase();
        return set(name, { Arn: `arn:aws:s3:::${name}`, DomainName: `${name}.s3.amazonaws.com` });
      }
      case 'AWS::SQS::Queue': {
        const fifo = properties.FifoQueue === true;
        const name = explicit('QueueName') ?? `${generated(fifo ? 75 : 80)}${fifo ? '.fifo' : ''}`;
        const url = `${this.options.sqsEndpoint}/${accountId}/${name}`;
        return set(url, { Arn: `arn:aws:sqs:${region}:${accountId}:${name}`, QueueName: name, QueueUrl: url });
      }
      case 'AWS::SecretsManager::Secret': {
        const name = explicit('Name') ?? `${logicalId}-${suffix(stackName + logicalId, 12)}`;
        const arn = `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-${suffix(logicalId, 6)}`;
        return set(arn, { Id: arn, Name: name });
      }
      case 'AWS::IAM::Role': {
        const name = explicit('RoleName') ?? generated(64);
        return set(name, { Arn: `arn:aws:iam::${accountId}:role/${name}`, RoleId: `AROA${suffix(logicalId, 17)}` });
      }
      case 'AWS::Lambda::Function': {
        const name = explicit('FunctionName') ?? generated(64);
        return set(name, { Arn: `arn:aws:lambda:${region}:${accountId}:function:${name}` });
      }
      case 'AWS::Lambda::LayerVersion': {
        const arn = `arn:aws:lambda:${region}:${accountId}:layer:${logicalId}:1`;
        return set(arn);
      }
      case 'AWS::Logs::LogGroup': {
        const name = explicit('LogGroupName') ?? generated(512);
        return set(name, { Arn: `arn:aws:logs:${region}:${accountId}:log-group:${name}:*` });
      }
      case 'AWS::ApiGatewayV2::Api': {
        const id = suffix(logicalId, 10).toLowerCase();
        return set(id, { ApiEndpoint: `https://${id}.execute-api.${region}.amazonaws.com`, ApiId: id });
      }
      case 'AWS::Scheduler::ScheduleGroup': {
        const name = explicit('Name') ?? generated(64);
        return set(name, { Arn: `arn:aws:scheduler:${region}:${accountId}:schedule-group/${name}` });
      }
      case 'AWS::Scheduler::Schedule': {
        const name = explicit('Name') ?? generated(64);
        const group = explicit('GroupName') ?? 'default';
        return set(name, { Arn: `arn:aws:scheduler:${region}:${accountId}:schedule/${group}/${name}` });
      }
      case 'AWS::SNS::Topic': {
        const name = explicit('TopicName') ?? generated(256);
        const arn = `arn:aws:sns:${region}:${accountId}:${name}`;
        return set(arn, { TopicArn: arn, TopicName: name });
      }
      case 'AWS::CloudFront::Distribution': {
        const id = `E${suffix(stackName + logicalId, 13).toUpperCase()}`;
        return set(id, { Id: id, DomainName: `d${suffix(logicalId, 13).toLowerCase()}.cloudfront.net` });
      }
      case 'AWS::KMS::Key': {
        const id = suffix(logicalId, 32).toLowerCase();
        return set(id, { Arn: `arn:aws:kms:${region}:${accountId}:key/${id}`, KeyId: id });
      }
      default:
        return set(`${logicalId}-${suffix(stackName + logicalId, 8)}`);
    }
  }
}
