import { CfnOutput, Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  OriginProtocolPolicy,
  OriginSslPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { grantSecretValue, grantSendMessage } from '../grants';
import { isProduction, type Settings } from '../settings';
import { GENERATED_SECRET_KEY } from './secrets';
import { zetaFunction } from './zetaFunction';

/**
 * Request limits per route, so that junk to one route cannot get Meta's
 * webhooks 429'd on another. Meta's POSTs are sized for the capacity goal
 * (issue 18): 200 customer messages a second, each bringing about 5.5 POSTs
 * with its statuses (sent, delivered, read, and the answers' own), is 1,100
 * a second; 1,500 leaves room, and the burst absorbs Meta's catch-up after an
 * outage (it retries a 429 later, so a longer flood is slowed, not lost).
 * The handshake is a GET now and then. Pictures are served by CloudFront from
 * its cache: the route sees a miss per picture and edge a day, so a low limit
 * caps what a scan of made-up names costs. Everything else (no route) gets the
 * stage default. API Gateway's account-level limit (10,000 a second by default,
 * shared by the region's APIs) stays above all of these.
 */
export const ROUTE_THROTTLES = {
  'POST /webhook': { rateLimit: 1_500, burstLimit: 3_000 },
  'GET /webhook': { rateLimit: 10, burstLimit: 20 },
  'GET /catalog/images/{file}': { rateLimit: 50, burstLimit: 100 },
} as const satisfies Record<string, { rateLimit: number; burstLimit: number }>;
const DEFAULT_THROTTLE = { rateLimit: 10, burstLimit: 20 } as const;

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
  readonly webhook: LambdaFunction;
  readonly catalogImages: LambdaFunction;
  /** What the consumer puts in front of `images/<id>.png` for WhatsApp to fetch: CloudFront's address. */
  readonly catalogImageBaseUrl: string;
  /** CloudFront in front of the pictures' route: WhatsApp's fetches are served from its cache. */
  readonly pictures: Distribution;

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
      throttle: DEFAULT_THROTTLE,
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
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      Object.entries(ROUTE_THROTTLES).map(([routeKey, limits]) => [
        routeKey,
        // RouteSettings is a JSON map to CloudFormation: its keys are written as the template spells them.
        { ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit },
      ]),
    );
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        "Meta's webhook cannot present IAM, JWT or Lambda-authorizer credentials: POSTs are authenticated in the function by the X-Hub-Signature-256 HMAC over the raw body, and the GET handshake by the verify token. Catalog pictures are public by design, because WhatsApp downloads them by URL.",
    });

    // The stage is `$default`, so its URL is the API's root.
    const webhookUrl = `${this.stage.url}webhook`;
    this.pictures = this.pictureDistribution(settings);
    this.catalogImageBaseUrl = `https://${this.pictures.distributionDomainName}/catalog/`;

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

  /**
   * Product pictures through CloudFront: WhatsApp fetches a picture for every
   * card sent, and the edge serves it from its cache for a day (the function's
   * Cache-Control), so those fetches never reach the API, its limits or the
   * function; only the path goes into the cache key, so made-up query strings
   * cannot force misses. Anything else through the distribution reaches the
   * API uncached and without its query (the webhook handshake fails there).
   */
  private pictureDistribution(settings: Settings): Distribution {
    const origin = new HttpOrigin(Fn.select(2, Fn.split('/', this.api.apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });
    const distribution = new Distribution(this, 'Pictures', {
      comment: `ZETA Assistant ${settings.stage}: catalog pictures`,
      defaultBehavior: {
        origin,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      },
      additionalBehaviors: {
        '/catalog/images/*': {
          origin,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        },
      },
      priceClass: PriceClass.PRICE_CLASS_100,
    });
    Validations.of(distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Product pictures are public, for WhatsApp wherever its media fetchers run: no geo restriction.' },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          "Cached pictures of a public catalog; the API behind has per-route limits and the function's concurrency bounds what misses cost.",
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'Access logs of public product pictures would only add cost; the API access logs record every miss that reaches the origin.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "The default *.cloudfront.net certificate: the distribution's own domain supports TLS 1.2 for clients that ask, WhatsApp's fetchers among them.",
      },
    );
    return distribution;
  }
}
