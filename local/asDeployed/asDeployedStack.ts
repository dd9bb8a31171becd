import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';
import { DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, CloudWatchLogsEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { GENERATED_SECRET_KEY, type SECRET_KEYS_FILLED_BY_HAND } from '../../lib/constructs/secrets';
import type { LambdaName } from '../../lib/lambdaBundling';
import { LOCAL_SECRET_DEFAULTS } from '../../functions/config/secrets';
import { toApiGatewayEvent } from '../apiGatewayEvent';
import type { LocalSchedule } from '../scheduler/localScheduler';
import { AwsFrontDoor } from './awsFrontDoor';
import type { AwsService } from './awsRequestDecoding';
import { FunctionInstances, type FunctionInstanceStats } from './functionInstances';
import { AccessDeniedError, IamAuthorizer, describeDenial, type AuthorizedCall, type CallerPrincipal } from './iamAuthorizer';
import {
  LocalDeployment,
  type ApiRoute,
  type DeployedFunction,
  type DeployedQueue,
  type LogSubscription,
  type PolicyDocument,
} from './localDeployment';
import { LogSubscriptions } from './logSubscriptions';
import { SecretsManagerStandIn } from './secretsManagerStandIn';
import { CloudFrontStandIn, type CloudFrontStats } from './cloudFrontStandIn';
import { RouteThrottles } from './routeThrottles';
/** DevOps with their own access: recorded, never denied. */
const OPERATOR = { kind: 'operator', caller: 'operator' } as const satisfies CallerPrincipal;

export interface AsDeployedOptions {
  /** The synthesized cloud assembly (`cdk synth -o DIR`). */
  assemblyDirectory: string;
  /** For a stack synthesized without an explicit environment. */
  region?: string;
  accountId?: string;
  /**
   * What DevOps put in the secret after deploying (README deploy step 3);
   * unset keys get the local contract's values.
   */
  secretValues?: Partial<Record<SecretKey, string>>;
  /** An OpenAI-compatible server the functions' OpenAI client is pointed at (an endpoint mapping). */
  openAiBaseUrl?: string;
}

/** The keys of the app's secret (lib/constructs/secrets.ts). */
export type SecretKey = keyof typeof SECRET_KEYS_FILLED_BY_HAND | typeof GENERATED_SECRET_KEY;

export interface LocalServers {
  /** The runtime's own origin: the Graph stand-in, /sqs, /scheduler, /secretsmanager, the simulator. */
  origin: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
}

/** An asynchronous invocation (a log subscription's delivery) that failed its retries and went to the on-failure destination. */
export interface AsyncInvocationFailure {
  functionName: string;
  destinationArn: string | undefined;
  error: string;
}

/** A scheduled invocation that failed and went to the schedule's dead-letter queue. */
export interface ScheduleDeadLetter {
  schedule: string;
  deadLetterArn: string;
  error: string;
}

/** Lambda's account limit stands in for functions without reserved concurrency. */
const UNRESERVED_CONCURRENCY = 50;
const LOG_LINES_KEPT = 5_000;

/**
 * The variables the local run changes in a function's environment, each
 * because the real thing is not on this machine; every other variable is the
 * template's own. Printed at start and served at /sim/api/aws/functions.
 */
export const ENVIRONMENT_MAPPINGS = {
  DYNAMODB_ENDPOINT: 'DynamoDB → dynalite, through the IAM-checking front door',
  S3_ENDPOINT: 'S3 → s3rver, through the front door',
  SQS_ENDPOINT: 'SQS → the in-process FIFO queues, through the front door',
  SCHEDULER_ENDPOINT: 'EventBridge Scheduler → the local scheduler, through the front door',
  AWS_ENDPOINT_URL_SECRETS_MANAGER: 'Secrets Manager → the local stand-in, through the front door (the SDK reads this variable itself)',
  GRAPH_API_BASE_URL: 'the WhatsApp Cloud API → the Graph stand-in',
  OPENAI_BASE_URL: 'OpenAI → OPENAI_BASE_URL of the developer, when set',
  API_URL: "the store's product API → the local store stand-in, when the template sets one",
  CATALOG_IMAGE_BASE_URL:
    "the CloudFront distribution's domain → its local stand-in at /cloudfront/<id> (the HTTP API's URL → the local origin)",
  PATH: "the ffmpeg layer's /opt/bin → this machine's ffmpeg on PATH",
  AWS_ACCESS_KEY_ID: "the role's session credentials, as Lambda hands them to the function",
} as const;

export class AsDeployedStack {
  readonly deployment: LocalDeployment;
  readonly functions: Record<LambdaName, DeployedFunction>;
  readonly authorizer: IamAuthorizer;
  private readonly frontDoor: AwsFrontDoor;
  private readonly instances = new Map<LambdaName, FunctionInstances>();
  private readonly logs = new Map<LambdaName, string[]>();
  private secrets: SecretsManagerStandIn | undefined;
  private routes: ApiRoute[] = [];
  private throttles = new RouteThrottles({ byRoute: {}, fallback: undefined });
  private distributions: CloudFrontStandIn[] = [];
  private readonly environments = new Map<LambdaName, Record<string, string>>();
  private readonly scheduleDeadLetters: ScheduleDeadLetter[] = [];
  private readonly asyncFailures: AsyncInvocationFailure[] = [];
  private readonly logSubscriptions: LogSubscriptions;
  private readonly asyncInvocations = new Set<Promise<void>>();

  private constructor(
    private readonly options: AsDeployedOptions,
    deployment: LocalDeployment,
    frontDoor: AwsFrontDoor,
    onDenied: (call: AuthorizedCall) => void,
  ) {
    this.deployment = deployment;
    this.frontDoor = frontDoor;
    this.functions = deployment.functions();
    this.authorizer = new IamAuthorizer(deployment, { resourcePolicyFor: (arn) => this.resourcePolicyFor(arn) }, onDenied);
    this.logSubscriptions = new LogSubscriptions(deployment.logSubscriptions(), deployment, (subscription, event) =>
      this.deliverLogs(subscription, event),
    );
  }

  /** Reads the assembly and opens the AWS front door (queue URLs live under its address); `attach` then wires it up. */
  static async prepare(options: AsDeployedOptions, onDenied: (call: AuthorizedCall) => void): Promise<AsDeployedStack> {
    const frontDoor = new AwsFrontDoor();
    const origin = await frontDoor.start();
    const deployment = LocalDeployment.fromAssembly({
      assemblyDirectory: options.assemblyDirectory,
      region: options.region ?? 'eu-central-1',
      accountId: options.accountId ?? '123456789012',
      sqsEndpoint: `${origin}/sqs`,
    });
    return new AsDeployedStack(options, deployment, frontDoor, onDenied);
  }

  tableName(): string {
    return this.deployment.ref(this.deployment.single('AWS::DynamoDB::Table')[0]);
  }

  /** The table's CreateTable input, from the template's own definition. */
  tableDefinition(): Record<string, unknown> {
    const [, table] = this.deployment.single('AWS::DynamoDB::Table');
    const { AttributeDefinitions, KeySchema, GlobalSecondaryIndexes } = table.Properties as Record<string, unknown>;
    return { TableName: this.tableName(), BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions, KeySchema, GlobalSecondaryIndexes };
  }

  /** The media bucket: the one the consumer stages voice notes in. */
  bucketName(): string {
    const name = this.functions.consumer.environment.MEDIA_BUCKET;
    if (name === undefined) throw new Error("the consumer's environment names no MEDIA_BUCKET");
    return name;
  }

  /** Every bucket of the template (the media bucket, the catalog bucket): s3rver creates them as CloudFormation would. */
  bucketNames(): string[] {
    return this.deployment.ofType('AWS::S3::Bucket').map(([logicalId]) => this.deployment.ref(logicalId));
  }

  /** The queue the consumer's event source reads, and its dead-letter queue. */
  inboundQueues(): { queue: DeployedQueue; deadLetterQueue: DeployedQueue } {
    const mapping = this.eventSourceMapping();
    const queues = this.deployment.queues();
    const queue = queues.find((candidate) => candidate.arn === mapping.queueArn);
    const deadLetterQueue = queues.find((candidate) => candidate.arn === queue?.redrive?.deadLetterArn);
    if (queue === undefined || deadLetterQueue === undefined)
      throw new Error("the consumer's queue and its dead-letter queue are not in the template");
    return { queue, deadLetterQueue };
  }

  eventSourceMapping() {
    const [mapping, ...others] = this.deployment.eventSourceMappings();
    if (mapping === undefined || others.length > 0) throw new Error('expected one SQS event source mapping in the template');
    return mapping;
  }

  functionByName(functionName: string): DeployedFunction | undefined {
    return Object.values(this.functions).find((fn) => fn.functionName === functionName || fn.arn === functionName);
  }

  /** Wires the front door to the local servers, creates the secret as CloudFormation would, fills it, and prepares every function. */
  async attach(servers: LocalServers): Promise<void> {
    const secret = this.deployment.secret();
    const secrets = new SecretsManagerStandIn([secret]);
    this.secrets = secrets;
    const initial = JSON.parse(secrets.valueOf(secret.arn) ?? '{}') as Record<string, string>;
    secrets.put(secret.arn, JSON.stringify({ ...initial, ...this.filledSecret() }));
    this.frontDoor.configure({
      upstreams: {
        dynamodb: { origin: servers.dynamoEndpoint, mount: '' },
        s3: { origin: servers.s3Endpoint, mount: '' },
        sqs: { origin: servers.origin, mount: '/sqs' },
        scheduler: { origin: servers.origin, mount: '/scheduler' },
        secretsmanager: { origin: servers.origin, mount: '/secretsmanager' },
      },
      authorizer: this.authorizer,
      decoding: {
        region: this.deployment.region,
        accountId: this.deployment.accountId,
        partitionKeyOf: (table) => (table === this.tableName() ? this.partitionKey() : undefined),
        secretArnOf: (id) =>
          secrets.arnOf(id) ?? `arn:aws:secretsmanager:${this.deployment.region}:${this.deployment.accountId}:secret:${id}`,
      },
    });

    await this.runBucketDeployments();
    this.routes = this.deployment.apiRoutes();
    this.throttles = new RouteThrottles(this.deployment.routeThrottles());
    this.distributions = this.deployment
      .distributions()
      .map((distribution) => new CloudFrontStandIn(distribution, (request, path) => this.invokeRoute(request, Buffer.alloc(0), path)));
    await this.requireEventSourcePermissions();
    const apiEndpoint = this.deployment.apiEndpoint();
    for (const fn of Object.values(this.functions)) {
      const environment = this.environmentOf(fn, servers, apiEndpoint);
      this.environments.set(fn.name, environment);
      const reserved = this.deployment.resources[fn.logicalId]?.Properties?.ReservedConcurrentExecutions;
      this.instances.set(
        fn.name,
        new FunctionInstances(fn, {
          environment,
          maxInstances: typeof reserved === 'number' ? reserved : UNRESERVED_CONCURRENCY,
          onLogLine: (line, logStream) => {
            this.keepLog(fn.name, line);
            if (fn.logGroupName !== undefined) this.logSubscriptions.offer(fn.logGroupName, logStream, line);
          },
          onColdStart: (logStream) => this.writeLogs(fn, logStream),
        }),
      );
    }
  }

  /** The environment one function gets: exactly the template's, with ENVIRONMENT_MAPPINGS applied. */
  environmentOf(fn: DeployedFunction, servers: LocalServers, apiEndpoint: string): Record<string, string> {
    const local = (value: string) =>
      this.distributions.reduce(
        (mapped, distribution) => mapped.replaceAll(`https://${distribution.domainName}`, `${servers.origin}${distribution.prefix}`),
        value.replaceAll(apiEndpoint, servers.origin),
      );
    const template = Object.fromEntries(Object.entries(fn.environment).map(([name, value]) => [name, local(value)]));
    const credentials = this.frontDoor.credentialsFor({ kind: 'role', caller: fn.name, role: fn.role });
    return {
      ...template,
      DYNAMODB_ENDPOINT: this.frontDoor.endpointOf('dynamodb'),
      S3_ENDPOINT: this.frontDoor.endpointOf('s3'),
      SQS_ENDPOINT: this.frontDoor.endpointOf('sqs'),
      SCHEDULER_ENDPOINT: this.frontDoor.endpointOf('scheduler'),
      AWS_ENDPOINT_URL_SECRETS_MANAGER: this.frontDoor.endpointOf('secretsmanager'),
      GRAPH_API_BASE_URL: `${servers.origin}/graph`,
      ...(this.options.openAiBaseUrl === undefined ? {} : { OPENAI_BASE_URL: this.options.openAiBaseUrl }),
      ...(template.API_URL === undefined ? {} : { API_URL: `${servers.origin}/store-api` }),
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      ...credentials,
      AWS_REGION: this.deployment.region,
      AWS_DEFAULT_REGION: this.deployment.region,
      AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
      ...(fn.logGroupName === undefined ? {} : { AWS_LAMBDA_LOG_GROUP_NAME: fn.logGroupName }),
    };
  }

  /** A variable of the environment a function runs with here: the template's, with ENVIRONMENT_MAPPINGS applied. */
  localVariable(name: LambdaName, variable: string): string | undefined {
    return this.environments.get(name)?.[variable];
  }

  /** A CloudFront distribution of the template, at /cloudfront/<id>/ on the runtime's origin. */
  handleCloudFront(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const distribution = this.distributions.find((candidate) => path.startsWith(`${candidate.prefix}/`));
    return distribution === undefined ? Promise.resolve(false) : distribution.handle(request, response, path);
  }

  /** Each distribution's cache hits and misses. */
  cloudFrontStats(): Record<string, CloudFrontStats> {
    return Object.fromEntries(this.distributions.map((distribution) => [distribution.domainName, distribution.stats()]));
  }

  /** Secrets Manager's API under /secretsmanager on the runtime's origin (reached through the front door). */
  handleSecretsManager(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (this.secrets === undefined) throw new Error('attach() first');
    return this.secrets.handle(request, response);
  }

  secretValue(): Record<string, string> {
    return JSON.parse(this.secrets?.valueOf(this.deployment.secret().arn) ?? '{}') as Record<string, string>;
  }

  /** The template's route for a request, with its path parameters, as API Gateway matches it. */
  routeFor(method: string, path: string): { route: ApiRoute; pathParameters: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const names: string[] = [];
      const pattern = new RegExp(
        `^${route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        })}$`,
      );
      const match = pattern.exec(path);
      if (match === null) continue;
      return { route, pathParameters: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')])) };
    }
    return undefined;
  }

  /** API Gateway's side of a request: the route's integration invoked if the function's permission lets API Gateway do it. */
  async invokeRoute(request: IncomingMessage, body: Buffer, path: string): Promise<APIGatewayProxyResultV2 | undefined> {
    const method = request.method ?? 'GET';
    const matched = this.routeFor(method, path);
    if (matched === undefined) return undefined;
    const { route, pathParameters } = matched;
    const fn = this.functionByName(route.functionArn);
    if (fn === undefined) throw new Error(`route ${method} ${route.path} targets ${route.functionArn}, not a function of the template`);
    const routeKey = `${method} ${route.path}`;
    // The stage's limit for this route, before anything runs: a flood of one route cannot use up another's.
    if (!this.throttles.admit(routeKey)) {
      return { statusCode: 429, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Too Many Requests' }) };
    }
    const sourceArn = `arn:aws:execute-api:${this.deployment.region}:${this.deployment.accountId}:${this.deployment.apiId()}/$default/${method}${route.path}`;
    const denied = (
      await this.authorizer.authorize({ kind: 'service', caller: 'apigateway', service: 'apigateway.amazonaws.com', sourceArn }, 'Invoke', [
        { action: 'lambda:InvokeFunction', resource: fn.arn, context: {} },
      ])
    ).some((call) => call.decision !== 'Allowed');
    // API Gateway answers 500 when it may not invoke the integration.
    if (denied) return { statusCode: 500, body: JSON.stringify({ message: 'Internal Server Error' }) };
    const event: APIGatewayProxyEventV2 = {
      ...toApiGatewayEvent(request, body, routeKey),
      ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    };
    event.requestContext.apiId = this.deployment.apiId();
    event.requestContext.accountId = this.deployment.accountId;
    return (await this.invoke(fn.name, event)) as APIGatewayProxyResultV2;
  }

  /** The consumer as its event source mapping invokes it (the poller's own SQS calls were checked at attach). */
  consumer = async (event: SQSEvent): Promise<SQSBatchResponse> => (await this.invoke('consumer', event)) as SQSBatchResponse;

  /**
   * EventBridge Scheduler firing a schedule: it assumes the schedule's role to
   * invoke the target, and when the invocation fails, sends the event to the
   * schedule's dead-letter queue with the same role.
   */
  async fireSchedule(schedule: Pick<LocalSchedule, 'name' | 'input' | 'targetArn' | 'roleArn' | 'deadLetterArn'>): Promise<unknown> {
    const fn = this.functionByName(schedule.targetArn ?? '');
    if (fn === undefined) throw new Error(`schedule ${schedule.name} targets ${schedule.targetArn}, not a function of the template`);
    const principal: CallerPrincipal = { kind: 'role', caller: 'scheduler', role: this.deployment.roleByArn(schedule.roleArn ?? '') };
    await this.authorizer.require(principal, 'Invoke', [{ action: 'lambda:InvokeFunction', resource: fn.arn, context: {} }]);
    try {
      return await this.invoke(fn.name, JSON.parse(schedule.input ?? '{}'));
    } catch (error) {
      if (schedule.deadLetterArn !== undefined) {
        await this.authorizer.require(principal, 'SendToDeadLetterQueue', [
          { action: 'sqs:SendMessage', resource: schedule.deadLetterArn, context: {} },
        ]);
        this.scheduleDeadLetters.push({ schedule: schedule.name, deadLetterArn: schedule.deadLetterArn, error: String(error) });
      }
      throw error;
    }
  }

  /** The scheduled invocations that failed into a dead-letter queue. */
  deadLetters(): readonly ScheduleDeadLetter[] {
    return this.scheduleDeadLetters;
  }

  /** The template's recurring schedule for the daily price check. */
  dailyCheck(): LocalSchedule & { targetArn: string; roleArn: string } {
    const [schedule] = this.deployment.schedules();
    if (schedule === undefined) throw new Error('no price-check schedule in the template');
    return {
      name: schedule.name,
      group: 'default',
      at: Date.now(),
      input: schedule.input,
      deleteAfterRun: false,
      targetArn: schedule.targetArn,
      roleArn: schedule.roleArn,
      ...(schedule.deadLetterArn === undefined ? {} : { deadLetterArn: schedule.deadLetterArn }),
    };
  }

  /** A function's environments, to start one ahead of use (provisioned concurrency) or reclaim the idle ones. */
  executionEnvironments(name: LambdaName): Pick<FunctionInstances, 'provision' | 'recycle'> {
    const instances = this.instances.get(name);
    if (instances === undefined) throw new Error(`function ${name} is not prepared`);
    return instances;
  }

  invoke(name: LambdaName, event: unknown): Promise<unknown> {
    const instances = this.instances.get(name);
    if (instances === undefined) throw new Error(`function ${name} is not prepared`);
    return instances.invoke(event);
  }

  /** The credentials of an operator (the CLI run by DevOps with their own access): recorded, never denied. */
  operatorCredentials() {
    return this.frontDoor.credentialsFor(OPERATOR);
  }

  /** An SDK client's configuration to call `service` through the front door as `principal` (the operator unless said). */
  clientConfig(service: AwsService, principal: CallerPrincipal = OPERATOR) {
    const keys = this.frontDoor.credentialsFor(principal);
    return {
      region: this.deployment.region,
      endpoint: this.frontDoor.endpointOf(service),
      // The local S3 server takes the bucket in the path, not in the host name.
      forcePathStyle: service === 's3',
      credentials: {
        accessKeyId: keys.AWS_ACCESS_KEY_ID,
        secretAccessKey: keys.AWS_SECRET_ACCESS_KEY,
        sessionToken: keys.AWS_SESSION_TOKEN,
      },
    };
  }

  endpointOf(service: Parameters<AwsFrontDoor['endpointOf']>[0]): string {
    return this.frontDoor.endpointOf(service);
  }

  functionLogs(name: LambdaName): string[] {
    return [...(this.logs.get(name) ?? [])];
  }

  stats(): Record<LambdaName, FunctionInstanceStats> {
    return Object.fromEntries([...this.instances].map(([name, instances]) => [name, instances.stats()])) as Record<
      LambdaName,
      FunctionInstanceStats
    >;
  }

  /**
   * Lambda's asynchronous invocation (as CloudWatch Logs and other services
   * invoke): retried on failure as the function's invoke configuration says,
   * then sent to its on-failure destination with the function's role.
   * Resolves when done; never rejects.
   */
  invokeAsync(name: LambdaName, event: unknown): Promise<void> {
    const fn = this.functions[name];
    const config = this.deployment.asyncInvokeConfigs().find((candidate) => candidate.functionName === fn.functionName);
    const attempts = 1 + (config?.maximumRetryAttempts ?? 2);
    const run = (async () => {
      let failure = '';
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        try {
          await this.invoke(name, event);
          return;
        } catch (error) {
          failure = String(error);
        }
      }
      const destinationArn = config?.onFailureArn;
      if (destinationArn !== undefined) {
        await this.authorizer.authorize({ kind: 'role', caller: fn.name, role: fn.role }, 'OnFailureDestination', [
          { action: 'sqs:SendMessage', resource: destinationArn, context: {} },
        ]);
      }
      this.asyncFailures.push({ functionName: fn.functionName, destinationArn, error: failure });
    })();
    this.asyncInvocations.add(run);
    void run.finally(() => this.asyncInvocations.delete(run));
    return run;
  }

  /** Asynchronous invocations that failed every attempt, and where they went. */
  failedAsyncInvocations(): readonly AsyncInvocationFailure[] {
    return this.asyncFailures;
  }

  /** Delivers the log lines the subscriptions gathered and waits for the asynchronous invocations under way. */
  async settleLogs(): Promise<void> {
    await this.logSubscriptions.flush();
    await Promise.all([...this.asyncInvocations]);
  }

  async stop(): Promise<void> {
    await this.settleLogs().catch(() => undefined);
    await Promise.all([...this.instances.values()].map((instances) => instances.stop()));
    await this.frontDoor.stop();
  }

  /** The secret as DevOps fill it in: the given values, the local contract's for the rest. */
  private filledSecret(): Record<SecretKey, string> {
    const given = this.options.secretValues ?? {};
    return {
      WHATSAPP_APP_SECRET: given.WHATSAPP_APP_SECRET || LOCAL_SECRET_DEFAULTS.whatsappAppSecret,
      WHATSAPP_TOKEN: given.WHATSAPP_TOKEN || LOCAL_SECRET_DEFAULTS.whatsappAccessToken,
      [GENERATED_SECRET_KEY]: given[GENERATED_SECRET_KEY] || LOCAL_SECRET_DEFAULTS.whatsappVerifyToken,
      OPENAI_API_KEY: given.OPENAI_API_KEY ?? '',
      BITRIX24_WEBHOOK_URL: given.BITRIX24_WEBHOOK_URL ?? '',
    };
  }

  /** CloudWatch Logs invokes a subscription's destination as a service, allowed by the function's permission. */
  private async deliverLogs(subscription: LogSubscription, event: CloudWatchLogsEvent): Promise<void> {
    const fn = this.functionByName(subscription.destinationArn);
    if (fn === undefined)
      throw new Error(`subscription ${subscription.name} delivers to ${subscription.destinationArn}, not a function of the template`);
    const sourceArn = `arn:aws:logs:${this.deployment.region}:${this.deployment.accountId}:log-group:${subscription.logGroupName}:*`;
    const allowed = (
      await this.authorizer.authorize({ kind: 'service', caller: 'cloudwatch-logs', service: 'logs.amazonaws.com', sourceArn }, 'Invoke', [
        { action: 'lambda:InvokeFunction', resource: fn.arn, context: {} },
      ])
    ).every((call) => call.decision === 'Allowed');
    if (allowed) await this.invokeAsync(fn.name, event);
  }

  /**
   * What CloudFormation does for each CDK BucketDeployment before the
   * functions start: its provider, with its own role, reads the asset from
   * the CDK asset bucket (checked against the role, not fetched: that bucket
   * is not on this machine; the files are the assembly's staged asset) and
   * syncs it into the destination bucket through the front door — list,
   * put, and delete what the asset no longer has — every call checked.
   */
  private async runBucketDeployments(): Promise<void> {
    for (const deployment of this.deployment.bucketDeployments()) {
      const principal: CallerPrincipal = { kind: 'role', caller: `${deployment.logicalId} (deploy time)`, role: deployment.role };
      await this.authorizer.require(
        principal,
        'GetObject',
        deployment.sources.map((source) => ({
          action: 's3:GetObject',
          resource: `arn:aws:s3:::${source.bucketName}/${source.objectKey}`,
          context: {},
        })),
      );
      const s3 = new S3Client(this.clientConfig('s3', principal));
      const files = deployment.sources.flatMap((source) =>
        readdirSync(source.directory, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name)),
      );
      const written = new Set<string>();
      for (const source of deployment.sources) {
        for (const file of files.filter((candidate) => candidate.startsWith(`${source.directory}/`))) {
          const key = `${deployment.destinationPrefix}${relative(source.directory, file).split(sep).join('/')}`;
          await s3.send(
            new PutObjectCommand({
              Bucket: deployment.destinationBucket,
              Key: key,
              Body: readFileSync(file),
              ...(deployment.contentType === undefined ? {} : { ContentType: deployment.contentType }),
            }),
          );
          written.add(key);
        }
      }
      if (deployment.prune) {
        const listed = await s3.send(
          new ListObjectsV2Command({ Bucket: deployment.destinationBucket, Prefix: deployment.destinationPrefix }),
        );
        for (const stale of (listed.Contents ?? []).flatMap((object) => (object.Key && !written.has(object.Key) ? [object.Key] : []))) {
          await s3.send(new DeleteObjectCommand({ Bucket: deployment.destinationBucket, Key: stale }));
        }
      }
      s3.destroy();
    }
  }

  /** Lambda's runtime writes a new environment's logs with the function's role: its log group must allow it. */
  private async writeLogs(fn: DeployedFunction, logStream: string): Promise<void> {
    if (fn.logGroupArn === undefined) return;
    const resource = `${fn.logGroupArn}:log-stream:${logStream}`;
    await this.authorizer.authorize({ kind: 'role', caller: fn.name, role: fn.role }, 'WriteLogs', [
      { action: 'logs:CreateLogStream', resource, context: {} },
      { action: 'logs:PutLogEvents', resource, context: {} },
    ]);
  }

  private partitionKey(): string | undefined {
    const [, table] = this.deployment.single('AWS::DynamoDB::Table');
    const keys = (table.Properties?.KeySchema ?? []) as Array<{ AttributeName: string; KeyType: string }>;
    return keys.find((key) => key.KeyType === 'HASH')?.AttributeName;
  }

  /** The poller of the event source mapping uses the consumer's role: Lambda refuses to create it without these. */
  private async requireEventSourcePermissions(): Promise<void> {
    const mapping = this.eventSourceMapping();
    const fn = this.functionByName(mapping.functionName);
    if (fn === undefined) throw new Error(`the event source mapping targets ${mapping.functionName}, not a function of the template`);
    const actions = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'].map((action) => ({
      action,
      resource: mapping.queueArn,
      context: {},
    }));
    try {
      await this.authorizer.require({ kind: 'role', caller: `${fn.name} (event source mapping)`, role: fn.role }, 'PollQueue', actions);
    } catch (error) {
      if (error instanceof AccessDeniedError)
        throw new Error(`Lambda cannot create the SQS event source: ${error.calls.map(describeDenial).join('; ')}`);
      throw error;
    }
  }

  private resourcePolicyFor(arn: string): PolicyDocument | undefined {
    const queue = this.deployment.queues().find((candidate) => candidate.arn === arn);
    if (queue !== undefined) return queue.policy;
    for (const [bucketId] of this.deployment.ofType('AWS::S3::Bucket')) {
      const bucketArn = this.deployment.attribute(bucketId, 'Arn');
      if (arn === bucketArn || arn.startsWith(`${bucketArn}/`)) return this.deployment.bucketPolicy(bucketId);
    }
    const permissions = this.deployment.permissions().filter((permission) => permission.functionArn === arn);
    if (permissions.length > 0) return { Version: '2012-10-17', Statement: permissions.map((permission) => permission.statement) };
    return undefined;
  }

  private keepLog(name: LambdaName, line: string): void {
    const lines = this.logs.get(name) ?? [];
    lines.push(line);
    if (lines.length > LOG_LINES_KEPT) lines.splice(0, lines.length - LOG_LINES_KEPT);
    this.logs.set(name, lines);
  }
}
