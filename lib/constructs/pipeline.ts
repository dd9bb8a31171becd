import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, LayerVersion, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { DeduplicationScope, FifoThroughputLimit, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { STAGED_MEDIA_ROOT } from '../../functions/domain/media/mediaStaging';
import { grantSecretValue, grantTableItems } from '../grants';
import { acknowledgeWildcardInside } from '../nagFindings';
import type { Settings } from '../settings';
import { builtFfmpegLayerDirectory } from '../../layers/ffmpeg/layerPath';
import { LAMBDA_RUNTIME, zetaFunction } from './zetaFunction';

/**
 * One turn may transcribe a voice note and call OpenAI and the Graph API a few
 * times, and a batch holds up to 10 records handled in order: 60 s leaves room
 * for a slow upstream without letting a hung call hold a customer's messages.
 */
const CONSUMER_TIMEOUT = Duration.seconds(60);

/**
 * AWS recommends a visibility timeout of at least six times the function
 * timeout for an SQS event source, so a record is not handed out again while
 * a throttled or retried invocation may still be working on it.
 */
const QUEUE_VISIBILITY_TIMEOUT = Duration.seconds(CONSUMER_TIMEOUT.toSeconds() * 6);

/**
 * Five receives at a 6-minute visibility timeout keep retrying a failing
 * record for about half an hour (a Graph API or OpenAI outage) before it
 * goes to the DLQ and unblocks the rest of that customer's messages.
 */
const MAX_RECEIVE_COUNT = 5;

/**
 * High-throughput FIFO: the per-queue limit (300 calls a second) becomes a
 * per-message-group one, so only one customer's own rate is capped.
 * Deduplication per group is enough: every deduplication id (a WhatsApp
 * message id, a message id with its state) is unique within its group.
 */
const HIGH_THROUGHPUT_FIFO = {
  deduplicationScope: DeduplicationScope.MESSAGE_GROUP,
  fifoThroughputLimit: FifoThroughputLimit.PER_MESSAGE_GROUP_ID,
} as const;

/** Lambda hands a FIFO queue's consumer at most 10 records per batch. */
const BATCH_SIZE = 10;

export interface MessagePipelineProps {
  readonly table: Table;
  readonly mediaBucket: Bucket;
  readonly secret: ISecret;
  readonly settings: Settings;
}

/**
 * The FIFO queue between the webhook and the consumer, its DLQ, and the
 * consumer that answers customers: one message group per customer keeps each
 * conversation in order while different customers are answered in parallel.
 */
export class MessagePipeline extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly consumer: LambdaFunction;

  constructor(scope: Construct, id: string, props: MessagePipelineProps) {
    super(scope, id);
    const { settings } = props;

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      fifo: true,
      ...HIGH_THROUGHPUT_FIFO,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The maximum: time to find out why a message failed and redrive it.
      retentionPeriod: Duration.days(14),
    });

    this.queue = new Queue(this, 'Queue', {
      fifo: true,
      ...HIGH_THROUGHPUT_FIFO,
      // The webhook sets each message's deduplication id to the WhatsApp
      // message id, which absorbs Meta's redeliveries; hashing bodies would not,
      // because a redelivered body differs.
      contentBasedDeduplication: false,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: QUEUE_VISIBILITY_TIMEOUT,
      // WhatsApp only allows free-form replies within 24 hours of the customer's
      // message, so a turn older than a day can no longer be answered. The
      // queue-age alarm fires long before that.
      retentionPeriod: Duration.days(1),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    this.consumer = zetaFunction(this, 'Consumer', {
      name: 'consumer',
      description: `ZETA Assistant ${settings.stage}: answers queued WhatsApp messages`,
      // Voice notes are decoded and transcribed in memory, and 1024 MB buys
      // the CPU share that keeps a turn's own work well inside the timeout.
      memorySize: 1024,
      timeout: CONSUMER_TIMEOUT,
      reservedConcurrentExecutions: settings.consumerReservedConcurrency,
      environment: {
        TABLE_NAME: props.table.tableName,
        MEDIA_BUCKET: props.mediaBucket.bucketName,
        SECRETS_ID: props.secret.secretName,
        QUEUE_MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT),
      },
      settings,
    });

    // ffmpeg converts voice notes the speech-to-text API does not take (AMR) or that are too big; /opt/bin/ffmpeg in Lambda.
    this.consumer.addLayers(
      new LayerVersion(this, 'FfmpegLayer', {
        code: Code.fromAsset(builtFfmpegLayerDirectory()),
        compatibleArchitectures: [Architecture.ARM_64],
        compatibleRuntimes: [LAMBDA_RUNTIME],
        description: 'ffmpeg 4.1 static for linux-arm64 (@ffmpeg-installer/linux-arm64), at /opt/bin/ffmpeg',
        license: 'GPL-3.0-or-later',
      }),
    );

    this.consumer.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: BATCH_SIZE,
        reportBatchItemFailures: true,
        maxConcurrency: settings.consumerMaxConcurrency,
      }),
    );

    grantTableItems(this.consumer, props.table, [
      'GetItem',
      'BatchGetItem',
      'PutItem',
      'UpdateItem',
      'DeleteItem',
      'Query',
      'BatchWriteItem',
    ]);
    grantSecretValue(this.consumer, props.secret);
    // Staged voice notes only: get and put them, and, for "delete my data",
    // list a customer's prefix and delete what is there. No bucket settings,
    // nothing outside voice/.
    this.consumer.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [props.mediaBucket.arnForObjects(`${STAGED_MEDIA_ROOT}/*`)],
      }),
    );
    this.consumer.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:ListBucket'],
        resources: [props.mediaBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${STAGED_MEDIA_ROOT}/*`] } },
      }),
    );
    acknowledgeWildcardInside(
      this.consumer,
      props.mediaBucket,
      `/${STAGED_MEDIA_ROOT}/*`,
      'Staged voice notes have per-customer, per-message keys that cannot be known in advance; the wildcard only covers the voice/ prefix of the one media bucket.',
    );
  }
}
