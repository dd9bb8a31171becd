import { CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { grantSecretValue, grantSendMessage } from '../grants';
import { isProduction, type Settings } from '../settings';
import { GENERATED_SECRET_KEY } from './secrets';
import { zetaFunction } from './zetaFunction';

/**
 * Stage-wide request limits. Real traffic is a few requests a second: Meta's
 * webhook POSTs (one per message or status), its handshake GETs, and WhatsApp
 * fetching product pictures. The limits cap what a flood from the open
 * internet can cost; Meta retries throttled (429) webhooks later, so a burst
 * of catch-up deliveries after an outage is slowed down, not lost.
 */
const API_THROTTLE = { rateLimit: 20, burstLimit: 50 } as const;

/**
 * One JSON object per request, so Logs Insights can filter on fields. The
 * query string is deliberately absent: GET /webhook carries hub.verify_token.
 */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
};

export interface IngressProps {
  readonly queue: IQueue;
  readonly secret: ISecret;
  readonly settings: Settings;
}

/**
 * The public HTTP API: Meta's webhook (GET handshake, POST deliveries) and the
 * catalog pictures WhatsApp downloads for product cards. CORS stays off: no
 * browser ever calls this API.
 */
export class Ingress extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly webhook: NodejsFunction;
  readonly catalogImages: NodejsFunction;
  /** What the consumer puts in front of `images/<id>.png` for WhatsApp to fetch. */
  readonly catalogImageBaseUrl: string;

  constructor(scope: Construct, id: string, props: IngressProps) {
    super(scope, id);
    const { settings } = props;

    this.webhook = zetaFunction(this, 'Webhook', {
      name: 'webhook',
      description: `ZETA Assistant ${settings.stage}: verifies and queues WhatsApp webhooks`,
      // The webhook checks a signature and sends to SQS; 256 MB is for the
      // CPU share that keeps a cold start (bundle load, secret fetch) short
      // while Meta waits, not for memory.
      memorySize: 256,
      // A cold start, the secret fetch and an SQS send with its retries take
      // a few seconds at worst; past that Meta is better served by a failure
      // it will redeliver than by a longer wait.
      timeout: Duration.seconds(10),
      reservedConcurrentExecutions: settings.webhookReservedConcurrency,
      environment: {
        QUEUE_URL: props.queue.queueUrl,
        SECRETS_ID: props.secret.secretName,
      },
      settings,
    });
    grantSendMessage(this.webhook, props.queue);
    grantSecretValue(this.webhook, props.secret);

    this.catalogImages = zetaFunction(this, 'CatalogImages', {
      name: 'catalogImages',
      description: `ZETA Assistant ${settings.stage}: draws catalog product pictures`,
      // Drawing a 480x360 PNG is CPU work: 512 MB doubles the CPU share of
      // 256 MB, and each picture is drawn once per warm container.
      memorySize: 512,
      // Well above one drawing; WhatsApp gives up on slow image URLs anyway.
      timeout: Duration.seconds(10),
      settings,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: settings.logRetentionDays,
      removalPolicy: isProduction(settings) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `ZetaAssistant-${settings.stage}`,
      description: `ZETA Assistant ${settings.stage}: WhatsApp webhook and catalog pictures`,
      // The default stage is created below, with throttling and access logs.
      createDefaultStage: false,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    this.api.addRoutes({
      path: '/webhook',
      methods: [HttpMethod.GET, HttpMethod.POST],
      integration: new HttpLambdaIntegration('WebhookIntegration', this.webhook),
    });
    this.api.addRoutes({
      path: '/catalog/images/{file}',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('CatalogImagesIntegration', this.catalogImages),
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        "Meta's webhook cannot present IAM, JWT or Lambda-authorizer credentials: POSTs are authenticated in the function by the X-Hub-Signature-256 HMAC over the raw body, and the GET handshake by the verify token. Catalog pictures are public by design, because WhatsApp downloads them by URL.",
    });

    // The stage is `$default`, so its URL is the API's root.
    const webhookUrl = `${this.stage.url}webhook`;
    this.catalogImageBaseUrl = `${this.stage.url}catalog/`;

    new CfnOutput(this, 'WebhookUrl', {
      description: "Callback URL for Meta's WhatsApp webhook configuration",
      value: webhookUrl,
    }).overrideLogicalId('WebhookUrl');
    new CfnOutput(this, 'WebhookVerifyTokenInstructions', {
      description: 'How to subscribe the webhook in Meta',
      value: [
        `1. In the Secrets Manager console, fill in the secret ${props.secret.secretName} as its description says.`,
        `2. In Meta's App Dashboard > WhatsApp > Configuration > Webhook, set Callback URL to ${webhookUrl}`,
        `and Verify token to the secret's ${GENERATED_SECRET_KEY} (Retrieve secret value in the same console).`,
        '3. Subscribe to the messages, message_template_status_update and template_category_update fields',
        "(the last two keep each template's category current: marketing ones are sent through /marketing_messages).",
      ].join(' '),
    }).overrideLogicalId('WebhookVerifyTokenInstructions');
  }
}
