import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/tableSchema';
import { parseEnvironment } from '../../functions/config/environment';
import { createSecretsLoader } from '../../functions/config/secrets';
import { METRICS_NAMESPACE as APP_METRICS_NAMESPACE } from '../../functions/observability/telemetry';
import { CONVERSATION_METRICS, OLDEST_MESSAGE_ALARM_AGE, TROUBLE_METRICS } from '../../lib/constructs/observability';
import { GENERATED_SECRET_KEY, SECRET_KEYS_FILLED_BY_HAND } from '../../lib/constructs/secrets';
import { LAMBDA_RUNTIME, METRICS_NAMESPACE, SERVICE_NAMES } from '../../lib/constructs/zetaFunction';
import { esbuildOptions, LAMBDA_NODE_MAJOR, PROJECT_ROOT } from '../../lib/lambdaBundling';
import { CATALOG_FILE, CATALOG_OBJECT_KEY } from '../../lib/constructs/catalogStore';
import { buildCatalogDocument } from '../../functions/domain/catalog/buildCatalogDocument';
import { CATALOG_DOCUMENT_FORMAT, type CatalogDocument } from '../../functions/domain/catalog/catalogDocument';
import { embeddedProducts } from '../../local/embeddedCatalog';
import { readSettings } from '../../lib/settings';
import { defineZetaApp } from '../../lib/zetaApp';
import type { ZetaStack } from '../../lib/zetaStack';

/** The context `cdk synth` sees: cdk.json's settings defaults and feature flags. */
const CDK_JSON_CONTEXT = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context as Record<string, unknown>;

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type PolicyStatementJson = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

function logicalId(construct: IConstruct): string {
  const cfn = construct.node.defaultChild ?? construct;
  if (!CfnElement.isCfnElement(cfn)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(cfn).resolve(cfn.logicalId) as string;
}

function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

describe('ZetaStack (dev, as `cdk synth` builds it)', () => {
  let app: App;
  let stack: ZetaStack;
  let template: Template;
  let resources: Record<string, Resource>;

  beforeAll(() => {
    app = new App({ context: CDK_JSON_CONTEXT });
    stack = defineZetaApp(app);
    // Synthesis bundles the three functions with esbuild and runs the
    // cdk-nag plugin, which throws on any unacknowledged finding.
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources as Record<string, Resource>;
  });

  const functionsOf = () => ({
    webhook: stack.ingress.webhook,
    consumer: stack.pipeline.consumer,
    catalogImages: stack.ingress.catalogImages,
    alertChecker: stack.alerts.checker,
    ledgerWriter: stack.costLedger.writer,
  });
  const propertiesOf = (construct: IConstruct) => {
    const resource = resources[logicalId(construct)];
    if (resource === undefined) throw new Error(`${construct.node.path} is not in the template`);
    return resource.Properties;
  };
  const environmentOf = (construct: IConstruct) =>
    (propertiesOf(construct).Environment as { Variables: Record<string, unknown> }).Variables;
  const statementsOf = (construct: IConstruct & { role?: IConstruct }): PolicyStatementJson[] => {
    if (construct.role === undefined) throw new Error('function without role');
    const roleId = logicalId(construct.role);
    return Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy')
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: PolicyStatementJson[] }).Statement);
  };
  const actionsOf = (construct: IConstruct & { role?: IConstruct }) =>
    statementsOf(construct).flatMap((statement) => asArray(statement.Action));

  it('is named after the stage', () => {
    expect(stack.stackName).toBe('ZetaAssistant-dev');
  });

  describe('pipeline', () => {
    it('is a FIFO queue without content-based deduplication, SQS-encrypted, redriving to a FIFO DLQ after 5 receives', () => {
      const queue = propertiesOf(stack.pipeline.queue);
      expect(queue).toMatchObject({
        FifoQueue: true,
        ContentBasedDeduplication: false,
        // High-throughput FIFO: the 300 calls/s limit is per customer, not per queue.
        DeduplicationScope: 'messageGroup',
        FifoThroughputLimit: 'perMessageGroupId',
        SqsManagedSseEnabled: true,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(stack.pipeline.deadLetterQueue), 'Arn'] }, maxReceiveCount: 5 },
      });
      expect(propertiesOf(stack.pipeline.deadLetterQueue)).toMatchObject({
        FifoQueue: true,
        DeduplicationScope: 'messageGroup',
        FifoThroughputLimit: 'perMessageGroupId',
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
    });

    it('gives the queue a visibility timeout of six times the consumer timeout', () => {
      const consumerTimeout = propertiesOf(stack.pipeline.consumer).Timeout as number;
      expect(consumerTimeout).toBe(60);
      expect(propertiesOf(stack.pipeline.queue).VisibilityTimeout).toBe(6 * consumerTimeout);
    });

    it('denies non-TLS access to both queues', () => {
      for (const queue of [stack.pipeline.queue, stack.pipeline.deadLetterQueue]) {
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: logicalId(queue) }],
          PolicyDocument: {
            Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
          },
        });
      }
    });

    it('feeds the consumer batches of 10 with partial batch responses and bounded concurrency', () => {
      template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.pipeline.queue), 'Arn'] },
        FunctionName: { Ref: logicalId(stack.pipeline.consumer) },
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 500 },
      });
    });
  });

  describe('storage', () => {
    it('is an on-demand table with the keys, TTL and byProduct index of TABLE_SCHEMA, PITR and AWS-managed KMS encryption', () => {
      const table = propertiesOf(stack.storage.table);
      expect(table).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.ttlAttribute, Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        // SSE on without a key of our own: the AWS-managed aws/dynamodb key.
        SSESpecification: { SSEEnabled: true },
        GlobalSecondaryIndexes: [
          {
            IndexName: TABLE_SCHEMA.byProductIndex.name,
            KeySchema: [
              { AttributeName: TABLE_SCHEMA.byProductIndex.partitionKey, KeyType: 'HASH' },
              { AttributeName: TABLE_SCHEMA.byProductIndex.sortKey, KeyType: 'RANGE' },
            ],
          },
        ],
      });
      expect((table.SSESpecification as Record<string, unknown>).KMSMasterKeyId).toBeUndefined();
      expect(resources[logicalId(stack.storage.table)]?.DeletionPolicy).toBe('Delete');
    });

    it('keeps the media bucket private, encrypted, TLS-only, and expires staged media after a day', () => {
      expect(propertiesOf(stack.storage.mediaBucket)).toMatchObject({
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 1, Status: 'Enabled' })] },
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logicalId(stack.storage.mediaBucket) },
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    });
  });

  describe('secret', () => {
    it('is created with a generated verify token and empty placeholders, described for whoever fills it in', () => {
      const secret = propertiesOf(stack.appSecret.secret);
      const generator = secret.GenerateSecretString as Record<string, unknown>;
      expect(generator.GenerateStringKey).toBe(GENERATED_SECRET_KEY);
      expect(JSON.parse(generator.SecretStringTemplate as string)).toEqual(
        Object.fromEntries(Object.keys(SECRET_KEYS_FILLED_BY_HAND).map((key) => [key, ''])),
      );
      for (const key of [...Object.keys(SECRET_KEYS_FILLED_BY_HAND), GENERATED_SECRET_KEY]) {
        expect(secret.Description).toContain(key);
      }
    });

    it('has the shape functions/config/secrets.ts reads, once the required keys are filled in', async () => {
      const template = JSON.parse(
        (propertiesOf(stack.appSecret.secret).GenerateSecretString as { SecretStringTemplate: string }).SecretStringTemplate,
      ) as Record<string, string>;
      const filled = { ...template, [GENERATED_SECRET_KEY]: 'generated', WHATSAPP_APP_SECRET: 'app-secret', WHATSAPP_TOKEN: 'token' };
      const load = (stored: unknown) => createSecretsLoader(parseEnvironment({ SECRETS_ID: 'zeta' }), async () => stored)();

      await expect(load(filled)).resolves.toMatchObject({ whatsappVerifyToken: 'generated', whatsappAccessToken: 'token' });
      // As created, before anyone fills it in, the functions refuse to run.
      await expect(load({ ...template, [GENERATED_SECRET_KEY]: 'generated' })).rejects.toThrow(/WHATSAPP_APP_SECRET/);
    });
  });

  describe('HTTP API', () => {
    it('routes the webhook and the catalog pictures to their functions, without CORS', () => {
      const api = logicalId(stack.ingress.api);
      const integrationOf = (routeKey: string) => {
        const [route] = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }));
        const target = JSON.stringify(route?.Properties.Target);
        const integrationId = /"Ref":"([^"]+)"/.exec(target)?.[1] ?? '';
        return resources[integrationId]?.Properties;
      };
      template.resourceCountIs('AWS::ApiGatewayV2::Route', 3);
      const webhookUri = { 'Fn::GetAtt': [logicalId(stack.ingress.webhook), 'Arn'] };
      expect(integrationOf('GET /webhook')).toMatchObject({ ApiId: { Ref: api }, IntegrationUri: webhookUri, PayloadFormatVersion: '2.0' });
      expect(integrationOf('POST /webhook')).toMatchObject({ IntegrationUri: webhookUri });
      expect(integrationOf('GET /catalog/images/{file}')).toMatchObject({
        IntegrationUri: { 'Fn::GetAtt': [logicalId(stack.ingress.catalogImages), 'Arn'] },
      });
      expect(propertiesOf(stack.ingress.api).CorsConfiguration).toBeUndefined();
    });

    it("throttles each route on its own: Meta's POSTs above the capacity goal (200 messages/s × ~5.5 POSTs), pictures far lower", () => {
      const { RouteSettings: routes } = propertiesOf(stack.ingress.stage) as {
        RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
      };
      expect(routes['POST /webhook']?.ThrottlingRateLimit).toBeGreaterThan(200 * 5.5);
      expect(routes['GET /catalog/images/{file}']?.ThrottlingRateLimit).toBeLessThanOrEqual(100);
      // Every route the API has is limited on its own.
      for (const route of Object.values(template.findResources('AWS::ApiGatewayV2::Route'))) {
        expect(routes).toHaveProperty([String(route.Properties.RouteKey)]);
      }
    });

    it("serves the pictures through CloudFront, cached by path alone, from the API's pictures route", () => {
      const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
      const config = distribution?.Properties.DistributionConfig as {
        CacheBehaviors: Array<{ PathPattern: string; CachePolicyId: string; AllowedMethods: string[] }>;
        DefaultCacheBehavior: { CachePolicyId: string };
      };
      expect(config.CacheBehaviors).toEqual([
        expect.objectContaining({
          PathPattern: '/catalog/images/*',
          CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
          AllowedMethods: ['GET', 'HEAD'],
        }),
      ]);
      // Nothing else is cached: the webhook's handshake through CloudFront would otherwise be answered from a cache.
      expect(config.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    });

    it('throttles the $default stage and writes JSON access logs to a log group with retention', () => {
      const stage = propertiesOf(stack.ingress.stage) as {
        StageName: string;
        DefaultRouteSettings: Record<string, number>;
        AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
      };
      expect(stage.StageName).toBe('$default');
      expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
      const format = JSON.parse(stage.AccessLogSettings.Format) as Record<string, string>;
      expect(format.requestId).toBe('$context.requestId');
      expect(JSON.stringify(format)).not.toContain('querystring');
      const logGroup = resources[stage.AccessLogSettings.DestinationArn['Fn::GetAtt'][0]];
      expect(logGroup?.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup?.Properties.RetentionInDays).toBe(30);
    });
  });

  describe('functions', () => {
    it('run Node.js 24 or newer on arm64, with the memory and timeout chosen for each', () => {
      const expected = {
        webhook: { MemorySize: 256, Timeout: 10 },
        consumer: { MemorySize: 1024, Timeout: 60 },
        catalogImages: { MemorySize: 512, Timeout: 10 },
        alertChecker: { MemorySize: 512, Timeout: 300 },
        ledgerWriter: { MemorySize: 256, Timeout: 30 },
      };
      // The five functions, and CDK's provider of the catalog's BucketDeployment (deploy time only).
      template.resourceCountIs('AWS::Lambda::Function', 6);
      for (const [name, fn] of Object.entries(functionsOf())) {
        const properties = propertiesOf(fn);
        expect(properties).toMatchObject({
          Architectures: ['arm64'],
          Handler: 'index.handler',
          ...expected[name as keyof typeof expected],
        });
        const major = Number(/^nodejs(\d+)\.x$/.exec(properties.Runtime as string)?.[1]);
        expect(major).toBeGreaterThanOrEqual(24);
        expect(properties.TracingConfig).toBeUndefined();
        // No reserved concurrency unless a setting asks: new accounts may have only 10 in all.
        expect(properties.ReservedConcurrentExecutions).toBeUndefined();
      }
    });

    it('run on the Node.js major the bundles are built for', () => {
      expect(LAMBDA_RUNTIME.name).toBe(`nodejs${LAMBDA_NODE_MAJOR}.x`);
      expect(esbuildOptions('functions/webhook/index.ts', 'out').target).toBe(`node${LAMBDA_NODE_MAJOR}`);
    });

    it('each log to their own log group with the configured retention', () => {
      for (const fn of Object.values(functionsOf())) {
        const logGroupId = (propertiesOf(fn).LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
        expect(resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
      }
    });

    it('share the telemetry variables, with the service names the handlers use', () => {
      const serviceNames = {
        webhook: 'webhook',
        consumer: 'consumer',
        catalogImages: 'catalog-images',
        alertChecker: 'alert-checker',
        ledgerWriter: 'ledger-writer',
      };
      expect(METRICS_NAMESPACE).toBe(APP_METRICS_NAMESPACE);
      for (const [name, fn] of Object.entries(functionsOf())) {
        expect(environmentOf(fn)).toMatchObject({
          NODE_OPTIONS: '--enable-source-maps',
          POWERTOOLS_SERVICE_NAME: serviceNames[name as keyof typeof serviceNames],
          POWERTOOLS_METRICS_NAMESPACE: 'ZetaAssistant',
          LOG_LEVEL: 'INFO',
          STAGE: 'dev',
        });
      }
    });

    it('get the variables functions/config/environment.ts reads, wired to the resources', () => {
      const secretName = JSON.stringify({ Ref: logicalId(stack.appSecret.secret) });
      const webhook = environmentOf(stack.ingress.webhook);
      expect(webhook.QUEUE_URL).toEqual({ Ref: logicalId(stack.pipeline.queue) });
      expect(JSON.stringify(webhook.SECRETS_ID)).toContain(secretName);

      const consumer = environmentOf(stack.pipeline.consumer);
      expect(consumer).toMatchObject({
        TABLE_NAME: { Ref: logicalId(stack.storage.table) },
        MEDIA_BUCKET: { Ref: logicalId(stack.storage.mediaBucket) },
        GRAPH_API_VERSION: 'v26.0',
        OPENAI_MODEL: 'gpt-4o-mini',
      });
      expect(JSON.stringify(consumer.SECRETS_ID)).toContain(secretName);
      // Optional settings that dev leaves unset are not set at all.
      expect(consumer.API_URL).toBeUndefined();
      expect(consumer.WHATSAPP_PHONE_NUMBER_ID).toBeUndefined();

      const imageBase = JSON.stringify(consumer.CATALOG_IMAGE_BASE_URL);
      expect(imageBase).toContain(JSON.stringify({ 'Fn::GetAtt': [logicalId(stack.ingress.pictures), 'DomainName'] }));
      expect(imageBase).toMatch(/\/catalog\/"\]\]\}$/);
    });

    it('hold no secret values in their environment', () => {
      const secretNames = [...Object.keys(SECRET_KEYS_FILLED_BY_HAND), GENERATED_SECRET_KEY];
      const looksLikeASecret = [
        /^EAA[A-Za-z0-9]{20,}/, // Meta access token
        /^sk-[A-Za-z0-9_-]{16,}/, // OpenAI key
        /^[a-f0-9]{32}$/i, // Meta app secret
        /\/rest\/\d+\/[a-z0-9]+/i, // Bitrix24 incoming webhook
        /^(?=.*\d)[A-Za-z0-9_+/=-]{24,}$/, // any long token-like string (with digits, unlike resource names)
      ];
      for (const fn of Object.values(functionsOf())) {
        const variables = environmentOf(fn);
        for (const name of secretNames) expect(variables).not.toHaveProperty(name);
        for (const value of Object.values(variables).filter((value) => typeof value === 'string')) {
          for (const pattern of looksLikeASecret) expect(value).not.toMatch(pattern);
        }
      }
    });
  });

  describe('IAM', () => {
    it('gives no function an AWS managed policy (AWSLambdaBasicExecutionRole writes to any log group)', () => {
      for (const fn of Object.values(functionsOf())) {
        expect(resources[logicalId(fn.role!)]?.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });

    it('lets the webhook send to the queue and read the secret, and nothing else', () => {
      const statements = statementsOf(stack.ingress.webhook);
      expect(statements).toContainEqual(
        expect.objectContaining({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [logicalId(stack.pipeline.queue), 'Arn'] } }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({ Action: 'secretsmanager:GetSecretValue', Resource: { Ref: logicalId(stack.appSecret.secret) } }),
      );
      const actions = actionsOf(stack.ingress.webhook);
      // Not even its cost rows: they go through its log to the ledger writer (see 'writes cost ledger rows' below).
      expect(actions.filter((action) => /^(dynamodb|s3|kms):/.test(action))).toEqual([]);
      expect(actions).not.toContain('sqs:ReceiveMessage');
    });

    it('lets the consumer read and write the table and staged media, read the secret and consume the queue', () => {
      const actions = actionsOf(stack.pipeline.consumer);
      expect(actions).toEqual(
        expect.arrayContaining([
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:Query',
          'dynamodb:BatchWriteItem',
          's3:GetObject',
          's3:PutObject',
          'secretsmanager:GetSecretValue',
          'sqs:ReceiveMessage',
          'sqs:DeleteMessage',
        ]),
      );
      expect(actions).not.toContain('sqs:SendMessage');
      expect(actions.filter((action) => action.includes('*'))).toEqual([]);
    });

    it('lets the consumer manage one-time schedules of the follow-up group only, and pass the scheduler role to EventBridge Scheduler only', () => {
      const statements = statementsOf(stack.pipeline.consumer);
      const scheduling = statements.find((statement) => asArray(statement.Action).includes('scheduler:CreateSchedule'));
      expect(asArray(scheduling?.Action).sort()).toEqual([
        'scheduler:CreateSchedule',
        'scheduler:DeleteSchedule',
        'scheduler:UpdateSchedule',
      ]);
      expect(JSON.stringify(scheduling?.Resource)).toContain(':schedule/ZetaAssistant-dev-followups/*');
      const passRole = statements.find((statement) => asArray(statement.Action).includes('iam:PassRole'));
      expect(passRole?.Resource).toEqual({ 'Fn::GetAtt': [logicalId(stack.alerts.followUpRole), 'Arn'] });
      expect(passRole?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });
    });

    it('lets the alert checker read and write the table, read the secret and the catalog, without the queue or the media bucket', () => {
      const actions = actionsOf(stack.alerts.checker);
      expect(actions).toEqual(
        expect.arrayContaining(['dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'secretsmanager:GetSecretValue']),
      );
      expect(actions.filter((action) => action.startsWith('sqs:') || action.startsWith('s3:'))).toEqual(['s3:GetObject']);
    });

    it('lets the catalog images function write its logs and read the catalog, nothing else', () => {
      expect(actionsOf(stack.ingress.catalogImages).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 's3:GetObject']);
    });

    it('lets the three functions that read the catalog get its one object, and no function anything else of its bucket', () => {
      const catalog = stack.catalog!;
      const object = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(catalog.bucket), 'Arn'] }, `/${CATALOG_OBJECT_KEY}`]] };
      for (const [name, fn] of Object.entries(functionsOf())) {
        const onCatalog = statementsOf(fn).filter((statement) => JSON.stringify(statement.Resource).includes(logicalId(catalog.bucket)));
        const environment = environmentOf(fn);
        if (name === 'webhook' || name === 'ledgerWriter') {
          expect(onCatalog, name).toEqual([]);
          expect(environment.CATALOG_BUCKET, name).toBeUndefined();
          continue;
        }
        expect(onCatalog, name).toEqual([{ Action: 's3:GetObject', Effect: 'Allow', Resource: object }]);
        expect(environment, name).toMatchObject({ CATALOG_BUCKET: { Ref: logicalId(catalog.bucket) }, CATALOG_KEY: CATALOG_OBJECT_KEY });
      }
    });
  });

  describe('catalog', () => {
    it('deploys data/catalog.json, validated and with its search terms, as the one object of a private bucket of its own', () => {
      const catalog = stack.catalog!;
      expect(propertiesOf(catalog.bucket)).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
      const [deployment, ...others] = Object.values(template.findResources('Custom::CDKBucketDeployment'));
      expect(others).toEqual([]);
      expect(deployment?.Properties).toMatchObject({
        DestinationBucketName: { Ref: logicalId(catalog.bucket) },
        Prune: true,
        RetainOnDelete: false,
      });
      const asset = (deployment?.Properties.SourceObjectKeys as string[])[0]!.replace(/\.zip$/, '');
      const document = JSON.parse(readFileSync(join(app.outdir, `asset.${asset}`, CATALOG_OBJECT_KEY), 'utf8')) as CatalogDocument;
      expect(document.format).toBe(CATALOG_DOCUMENT_FORMAT);
      expect(document.products).toEqual(embeddedProducts());
      expect(document.terms).toHaveLength(document.products.length);
    });

    it('fails synth, naming the product, when data/catalog.json has an invalid product', () => {
      const broken = [...embeddedProducts(), { id: 'BROKEN-1', name: 'no price' }];
      expect(() => buildCatalogDocument(broken, CATALOG_FILE)).toThrow(/data\/catalog\.json is not a valid catalog: 510\./);
    });
  });

  describe('price alerts and follow-ups', () => {
    it('run the price check on an EventBridge Scheduler schedule at 10:00 in Almaty, invoking the alert checker', () => {
      const schedules = template.findResources('AWS::Scheduler::Schedule');
      const [schedule, ...others] = Object.values(schedules);
      expect(others).toEqual([]);
      expect(schedule?.Properties).toMatchObject({
        ScheduleExpression: 'cron(0 10 * * ? *)',
        ScheduleExpressionTimezone: 'Asia/Almaty',
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [logicalId(stack.alerts.checker), 'Arn'] },
          RoleArn: { 'Fn::GetAtt': [logicalId(stack.alerts.followUpRole), 'Arn'] },
          Input: JSON.stringify({ job: 'price-alerts' }),
          RetryPolicy: { MaximumRetryAttempts: 2 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack.alerts.schedulerDeadLetterQueue), 'Arn'] } },
        },
      });
    });

    it("give the consumer the follow-up group, the alert checker as target and the scheduler's role", () => {
      template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'ZetaAssistant-dev-followups' });
      template.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })] },
      });
      expect(environmentOf(stack.pipeline.consumer)).toMatchObject({
        FOLLOW_UP_GROUP: 'ZetaAssistant-dev-followups',
        FOLLOW_UP_TARGET_ARN: { 'Fn::GetAtt': [logicalId(stack.alerts.checker), 'Arn'] },
        FOLLOW_UP_ROLE_ARN: { 'Fn::GetAtt': [logicalId(stack.alerts.followUpRole), 'Arn'] },
        FOLLOW_UP_DEAD_LETTER_ARN: { 'Fn::GetAtt': [logicalId(stack.alerts.schedulerDeadLetterQueue), 'Arn'] },
      });
    });

    it('attaches the arm64 ffmpeg layer to the consumer', () => {
      const layers = template.findResources('AWS::Lambda::LayerVersion');
      const [layer] = Object.entries(layers);
      expect(layer?.[1].Properties).toMatchObject({ CompatibleArchitectures: ['arm64'], CompatibleRuntimes: [LAMBDA_RUNTIME.name] });
      expect(propertiesOf(stack.pipeline.consumer).Layers).toEqual([{ Ref: layer?.[0] }]);
    });
  });

  describe('observability', () => {
    const alarmOf = (name: string) => {
      const [alarm] = Object.values(
        template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmName: `ZetaAssistant-dev-${name}` } }),
      );
      if (alarm === undefined) throw new Error(`no alarm ${name}`);
      return alarm.Properties as Record<string, unknown>;
    };

    it('sends alarms to a KMS-encrypted, TLS-only topic whose key CloudWatch may use', () => {
      const topic = propertiesOf(stack.observability.alarmTopic);
      const keyId = (topic.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      expect(resources[keyId]).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });
      expect(JSON.stringify(resources[keyId]?.Properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: logicalId(stack.observability.alarmTopic) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            // The topic policy replaces SNS's default one, so CloudWatch needs its own grant.
            Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' }),
          ]),
        },
      });
      // No e-mail address in cdk.json: no subscription.
      template.resourceCountIs('AWS::SNS::Subscription', 0);
    });

    it("alarms on dead letters, old queued messages, API 5xx, and every function's errors and throttles", () => {
      expect(alarmOf('DeadLetterQueueNotEmpty')).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(stack.pipeline.deadLetterQueue), 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      expect(alarmOf('SchedulerDeadLetters')).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(stack.alerts.schedulerDeadLetterQueue), 'QueueName'] } }],
        Threshold: 0,
      });
      expect(alarmOf('OldestQueuedMessage')).toMatchObject({
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(stack.pipeline.queue), 'QueueName'] } }],
        Threshold: OLDEST_MESSAGE_ALARM_AGE.toSeconds(),
      });
      expect(alarmOf('ApiServerErrors')).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5xx' });
      // 4xx and throttling (429) as a share of the API's requests.
      expect(JSON.stringify(alarmOf('ApiClientErrorRate').Metrics)).toMatch(
        /"MetricName":"4xx".*"MetricName":"Count"|"MetricName":"Count".*"MetricName":"4xx"/,
      );
      for (const [name, fn] of Object.entries(functionsOf())) {
        const title = name.charAt(0).toUpperCase() + name.slice(1);
        for (const metric of ['Errors', 'Throttles']) {
          expect(alarmOf(`${title}${metric}`)).toMatchObject({
            Namespace: 'AWS/Lambda',
            MetricName: metric,
            Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }],
          });
        }
      }
      const topic = { Ref: logicalId(stack.observability.alarmTopic) };
      for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
        expect(alarm.Properties).toMatchObject({ AlarmActions: [topic], OKActions: [topic], TreatMissingData: 'notBreaching' });
      }
      template.resourceCountIs('AWS::CloudWatch::Alarm', 6 + 2 * 5 + 1);
    });

    it("has a dashboard with the pipeline metrics and the app's own metrics by service and stage", () => {
      template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      // The body is a Fn::Join of JSON text and references; with each reference
      // replaced by its logical id it parses as the dashboard's JSON.
      const parts = (propertiesOf(stack.observability.dashboard).DashboardBody as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      const body = JSON.parse(
        parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part).replace(/"/g, "'"))).join(''),
      ) as { widgets: { properties: { metrics?: unknown[][] } }[] };
      const metrics = body.widgets.flatMap((widget) => widget.properties.metrics ?? []);
      const has = (...prefix: unknown[]) =>
        expect(
          metrics.some((metric) => prefix.every((value, index) => metric[index] === value)),
          prefix.join(' '),
        ).toBe(true);

      const webhook = `{'Ref':'${logicalId(stack.ingress.webhook)}'}`;
      const consumer = `{'Ref':'${logicalId(stack.pipeline.consumer)}'}`;
      for (const fn of [webhook, consumer]) {
        has('AWS/Lambda', 'Invocations', 'FunctionName', fn);
        has('AWS/Lambda', 'Errors', 'FunctionName', fn);
        expect(metrics).toContainEqual(['AWS/Lambda', 'Duration', 'FunctionName', fn, { stat: 'p50' }]);
        expect(metrics).toContainEqual(['AWS/Lambda', 'Duration', 'FunctionName', fn, { stat: 'p99' }]);
      }
      const queueName = (queue: IConstruct) => `{'Fn::GetAtt':['${logicalId(queue)}','QueueName']}`;
      has('AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', queueName(stack.pipeline.queue));
      has('AWS/SQS', 'ApproximateAgeOfOldestMessage', 'QueueName', queueName(stack.pipeline.queue));
      has('AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', queueName(stack.pipeline.deadLetterQueue));
      for (const [service, metric] of [...CONVERSATION_METRICS, ...TROUBLE_METRICS]) {
        has('ZetaAssistant', metric, 'service', SERVICE_NAMES[service], 'stage', 'dev');
      }
    });

    it('alarms when a UTC day costs more than dailyCostAlarmUsd, summing CostUsd of every function', () => {
      const alarm = alarmOf('DailyCost');
      expect(alarm).toMatchObject({
        Threshold: CDK_JSON_CONTEXT.dailyCostAlarmUsd,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
      });
      const queries = alarm.Metrics as Array<{
        Id: string;
        Expression?: string;
        MetricStat?: { Metric: { MetricName: string; Dimensions: Array<{ Name: string; Value: string }> }; Period: number; Stat: string };
      }>;
      const sums = queries.filter((query) => query.MetricStat !== undefined);
      expect(
        sums.map((query) => query.MetricStat?.Metric.Dimensions.find((dimension) => dimension.Name === 'service')?.Value).sort(),
      ).toEqual(Object.values(SERVICE_NAMES).sort());
      for (const query of sums) {
        expect(query.MetricStat).toMatchObject({ Metric: { MetricName: 'CostUsd' }, Period: 86_400, Stat: 'Sum' });
      }
      expect(queries.find((query) => query.Expression !== undefined)?.Expression).toBe(
        sums.map((query) => `FILL(${query.Id}, 0)`).join(' + '),
      );
    });

    it('writes cost ledger rows: the API functions through their logs, the others into the LEDGER# partitions themselves', () => {
      const table = { 'Fn::GetAtt': [logicalId(stack.storage.table), 'Arn'] };
      const filters = Object.values(template.findResources('AWS::Logs::SubscriptionFilter')).map((filter) => filter.Properties);
      for (const fn of [stack.ingress.webhook, stack.ingress.catalogImages]) {
        expect(environmentOf(fn)).toMatchObject({ COST_LEDGER: 'logs' });
        expect(environmentOf(fn).TABLE_NAME).toBeUndefined();
        expect(filters).toContainEqual({
          LogGroupName: { Ref: logicalId(fn.logGroup) },
          FilterPattern: '{ $.ledgerRow.requestId = "*" }',
          DestinationArn: { 'Fn::GetAtt': [logicalId(stack.costLedger.writer), 'Arn'] },
        });
      }
      expect(statementsOf(stack.costLedger.writer)).toContainEqual(
        expect.objectContaining({
          Action: expect.arrayContaining(['dynamodb:BatchWriteItem', 'dynamodb:PutItem']),
          Resource: table,
          Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LEDGER#*'] } },
        }),
      );
      for (const fn of [stack.pipeline.consumer, stack.alerts.checker, stack.costLedger.writer]) {
        const ledgerStatements = statementsOf(fn).filter(
          (statement) =>
            JSON.stringify(statement.Resource) === JSON.stringify(table) &&
            JSON.stringify(statement.Condition) === JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LEDGER#*'] } }),
        );
        expect(ledgerStatements.flatMap((statement) => asArray(statement.Action))).toContain('dynamodb:PutItem');
        expect(environmentOf(fn).TABLE_NAME).toEqual({ Ref: logicalId(stack.storage.table) });
      }
    });

    it('graphs daily cost by function and by feature, usage, and the recommendation click-through rate', () => {
      const parts = (propertiesOf(stack.observability.dashboard).DashboardBody as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      const body = JSON.parse(
        parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part).replace(/"/g, "'"))).join(''),
      ) as { widgets: { properties: { title?: string; metrics?: unknown[][] } }[] };
      const metricsOf = (title: string) => body.widgets.find((widget) => widget.properties.title === title)?.properties.metrics ?? [];

      const byFunction = metricsOf('Cost per day by function (USD)');
      for (const service of Object.values(SERVICE_NAMES)) {
        expect(byFunction).toContainEqual([
          'ZetaAssistant',
          'CostUsd',
          'service',
          service,
          'stage',
          'dev',
          expect.objectContaining({ period: 86_400, stat: 'Sum' }),
        ]);
      }
      expect(JSON.stringify(metricsOf('Cost per day by feature (USD)'))).toContain(
        'SEARCH(\'{ZetaAssistant,feature,function,service,stage} MetricName=\\"CostUsd\\" stage=\\"dev\\"\', \'Sum\', 86400)',
      );
      const usage = metricsOf('Usage per day').map((metric) => metric[1]);
      expect(usage).toEqual([
        'MessagesIn',
        'VoiceNotes',
        'PriceAlertsSet',
        'RecommendationsShown',
        'ProductCardsOpened',
        'PriceAlertsFired',
      ]);
      const rate = metricsOf('Recommendation click-through rate (%) and cost accounting failures');
      expect(rate[0]).toEqual([expect.objectContaining({ expression: 'IF(shown > 0, 100 * opened / shown, 0)' })]);
      expect(rate.filter((metric) => metric[1] === 'CostAccountingFailed')).toHaveLength(5);
    });

    it('outputs the webhook URL and how to subscribe it in Meta', () => {
      const outputs = template.findOutputs('*');
      expect(JSON.stringify(outputs.WebhookUrl?.Value)).toMatch(/\/webhook"\]\]\}$/);
      const instructions = JSON.stringify(outputs.WebhookVerifyTokenInstructions?.Value);
      expect(instructions).toContain(GENERATED_SECRET_KEY);
      expect(instructions).toContain(JSON.stringify({ Ref: logicalId(stack.appSecret.secret) }));
    });
  });

  describe('cdk-nag AwsSolutions', () => {
    it('reports no unacknowledged finding, error or warning', () => {
      const report = new AwsSolutionsChecks().validateScope(app);
      expect(
        report.violations.map(
          (violation) => `${violation.ruleName} ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`,
        ),
      ).toEqual([]);
      expect(report.success).toBe(true);
    });

    it('would report a finding nobody acknowledged', () => {
      const unchecked = new Stack(new App(), 'Unchecked');
      new Bucket(unchecked, 'Bucket');
      const rules = new AwsSolutionsChecks().validateScope(unchecked).violations.map((violation) => violation.ruleName);
      expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    });

    it('gives every acknowledgment a reason specific enough to review', () => {
      const acknowledgments = app.node
        .findAll()
        .flatMap((construct) => construct.node.metadata)
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
      expect(acknowledgments.map(([id]) => id.replace(/^annotation::/i, '')).sort()).toEqual(
        expect.arrayContaining(['AwsSolutions-APIG4', 'AwsSolutions-S1', 'AwsSolutions-SMG4']),
      );
      for (const [id, reason] of acknowledgments) {
        expect(reason.length, id).toBeGreaterThanOrEqual(80);
      }
    });
  });
});

describe('ZetaStack (prod settings from the command line)', () => {
  // Bundling is skipped for this second stack: the dev suite above already
  // built the same code, and only the settings differ here.
  const prodContext = {
    ...CDK_JSON_CONTEXT,
    'aws:cdk:bundling-stacks': [],
    stage: 'prod',
    whatsappPhoneNumberId: '123456789012345',
    alarmEmail: 'ops@example.kz',
    apiUrl: 'https://api.zeta.kz/v1',
    tracing: 'true',
    logRetentionDays: '90',
    consumerMaxConcurrency: '10',
    consumerReservedConcurrency: '10',
  };
  let app: App;
  let stack: ZetaStack;
  let template: Template;

  beforeAll(() => {
    app = new App({ context: prodContext });
    stack = defineZetaApp(app);
    template = Template.fromStack(stack);
  });

  it('retains data and protects the table from deletion', () => {
    expect(stack.stackName).toBe('ZetaAssistant-prod');
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', Properties: { DeletionProtectionEnabled: true } });
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
  });

  it('applies the settings given as strings with -c', () => {
    const consumer = template.toJSON().Resources[logicalId(stack.pipeline.consumer)].Properties.Environment.Variables;
    expect(consumer).toMatchObject({ WHATSAPP_PHONE_NUMBER_ID: '123456789012345', API_URL: 'https://api.zeta.kz/v1', STAGE: 'prod' });
    template.hasResourceProperties('AWS::Lambda::Function', { TracingConfig: { Mode: 'Active' }, ReservedConcurrentExecutions: 10 });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 10 } });
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.kz' });
  });

  it("reads the catalog from the store's API: no catalog bucket or deployment, and no function may read one", () => {
    expect(stack.catalog).toBeUndefined();
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    const resources = template.toJSON().Resources as Record<string, Resource>;
    for (const fn of [stack.pipeline.consumer, stack.alerts.checker, stack.ingress.catalogImages]) {
      const properties = resources[logicalId(fn)]!.Properties;
      expect((properties.Environment as { Variables: Record<string, unknown> }).Variables, fn.node.path).toMatchObject({
        API_URL: 'https://api.zeta.kz/v1',
      });
      expect(JSON.stringify(properties.Environment)).not.toContain('CATALOG_BUCKET');
    }
  });

  it('stays free of unacknowledged cdk-nag findings with tracing on', () => {
    expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
  });

  it('retains only unnamed resources, so a deploy after `cdk destroy` creates new ones instead of colliding', () => {
    const retained = Object.entries(template.toJSON().Resources as Record<string, Resource>).filter(([, resource]) =>
      RETAINING.has(resource.DeletionPolicy ?? 'Delete'),
    );
    expect(retained.length).toBeGreaterThan(0);
    for (const [id, resource] of retained) expect(explicitNameOf(resource), id).toBeUndefined();
  });
});

/** Deletion policies that leave the resource behind when the stack is deleted. */
const RETAINING = new Set(['Retain', 'RetainExceptOnCreate', 'Snapshot']);

/** The property that gives a resource a fixed physical name, when set. */
function explicitNameOf(resource: Resource): unknown {
  const names = [
    'TableName',
    'BucketName',
    'QueueName',
    'TopicName',
    'Name',
    'DashboardName',
    'FunctionName',
    'RoleName',
    'LogGroupName',
    'AlarmName',
    'KeyAlias',
  ];
  return names.map((name) => resource.Properties?.[name]).find((value) => value !== undefined);
}

describe('ZetaStack across stages and regions', () => {
  const synthesize = (context: Record<string, unknown>) =>
    Template.fromStack(defineZetaApp(new App({ context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context } }))).toJSON()
      .Resources as Record<string, Resource>;

  it('leaves nothing behind when a dev stage is destroyed, so `cdk destroy` then `cdk deploy` succeeds', () => {
    const retained = Object.entries(synthesize({ stage: 'dev' })).filter(([, resource]) =>
      RETAINING.has(resource.DeletionPolicy ?? 'Delete'),
    );
    expect(retained.map(([id]) => id)).toEqual([]);
  });

  it('names the dashboard (global to the account) per region, so one stage deploys to two regions', () => {
    const dashboardName = (region: string) =>
      Object.values(synthesize({ stage: 'dev', region, account: '123456789012' })).find(
        (resource) => resource.Type === 'AWS::CloudWatch::Dashboard',
      )?.Properties.DashboardName;
    expect(dashboardName('eu-central-1')).toBe('ZetaAssistant-dev-eu-central-1');
    expect(dashboardName('us-east-1')).toBe('ZetaAssistant-dev-us-east-1');
  });

  it('gives each function the deploy settings it reads, and only those', () => {
    const resources = synthesize({
      stage: 'dev',
      managerWaId: '77017770000',
      managerHours: '10:00-19:00',
      aiDailyBudgetUsd: '3.5',
      rateLimitPerMinute: '12',
      webhookMaxBodyBytes: '1048576',
    });
    const environments = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::Lambda::Function')
      .map((resource) => (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables);
    const byService = (service: string) => environments.find((variables) => variables.POWERTOOLS_SERVICE_NAME === service) ?? {};
    expect(byService('consumer')).toMatchObject({
      MANAGER_WA_ID: '77017770000',
      MANAGER_HOURS: '10:00-19:00',
      AI_DAILY_BUDGET_USD: '3.5',
      RATE_LIMIT_PER_MINUTE: '12',
    });
    expect(byService('webhook')).toMatchObject({ WEBHOOK_MAX_BODY_BYTES: '1048576' });
    expect(byService('webhook')).not.toHaveProperty('MANAGER_WA_ID');
    expect(byService('catalog-images')).not.toHaveProperty('AI_DAILY_BUDGET_USD');
  });
});

describe('settings', () => {
  const settingsFrom = (context: Record<string, unknown>) => readSettings(new App({ context: { ...CDK_JSON_CONTEXT, ...context } }).node);

  it('default to cdk.json: dev, Graph API v26.0, gpt-4o-mini, consumer concurrency 500, $5 a day', () => {
    expect(settingsFrom({})).toMatchObject({
      stage: 'dev',
      graphApiVersion: 'v26.0',
      openaiModel: 'gpt-4o-mini',
      consumerMaxConcurrency: 500,
      dailyCostAlarmUsd: 5,
      tracing: false,
    });
  });

  it('read "false" from the command line as false', () => {
    expect(settingsFrom({ tracing: 'false' }).tracing).toBe(false);
  });

  it('reject prod without a phone number id, an unknown log retention and too little reserved concurrency', () => {
    expect(() => settingsFrom({ stage: 'prod' })).toThrow(/whatsappPhoneNumberId/);
    expect(() => settingsFrom({ logRetentionDays: 31 })).toThrow(/logRetentionDays/);
    expect(() => settingsFrom({ consumerReservedConcurrency: 2 })).toThrow(/consumerReservedConcurrency/);
    expect(() => settingsFrom({ graphApiVersion: '26' })).toThrow(/graphApiVersion/);
  });

  it("reject a deploy setting the function's own schema would refuse at cold start", () => {
    expect(() => settingsFrom({ managerWaId: '+7 701 777 00 00' })).toThrow(/managerWaId: an international number/);
    expect(() => settingsFrom({ managerHours: '9-18' })).toThrow(/managerHours: like 09:00-20:00/);
    expect(() => settingsFrom({ aiDailyBudgetUsd: 'lots' })).toThrow(/aiDailyBudgetUsd/);
    expect(() => settingsFrom({ aiRouting: 'sometimes' })).toThrow(/aiRouting/);
  });
});
