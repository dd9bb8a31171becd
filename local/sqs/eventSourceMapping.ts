import type { Context, SQSBatchResponse, SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { createLambdaContext, type LambdaFunctionConfig } from '../lambdaContext';
import type { FifoQueue, ReceivedMessage } from './fifoQueue';
import { parseQueueArn } from './queueAddress';

export type SqsBatchHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export type EventSourceFailure = 'handler-threw' | 'handler-timed-out' | 'invalid-batch-response' | 'delete-failed' | 'poll-failed';

export class EventSourceMappingError extends Error {
  override readonly name = 'EventSourceMappingError';
  constructor(
    readonly failure: EventSourceFailure,
    message: string,
    /** The invocation's event, when the failure concerns one. */
    readonly event: SQSEvent | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface SqsEventSourceMappingOptions {
  readonly queue: FifoQueue;
  /** The records' eventSourceARN; its region becomes their awsRegion. */
  readonly queueArn: string;
  readonly handler: SqsBatchHandler;
  readonly lambda: LambdaFunctionConfig;
  /** 1 to 10, Lambda's bounds for a FIFO queue; 10 by default. */
  readonly batchSize?: number;
  /** 2 to 1000, Lambda's bounds for an SQS event source's maximum concurrency; 2 by default. */
  readonly maximumConcurrency?: number;
  /** Each poller's long poll, 1 to 20 seconds; 20 by default, as Lambda polls. */
  readonly pollWaitSeconds?: number;
  /** Told of every batch that failed whole or in part, and why; console.error by default. */
  readonly onError?: (error: EventSourceMappingError) => void;
}

const MAX_FIFO_BATCH_SIZE = 10;
const MIN_MAXIMUM_CONCURRENCY = 2;
const MAX_MAXIMUM_CONCURRENCY = 1000;
const MAX_POLL_WAIT_SECONDS = 20;

/**
 * Plays Lambda's event source mapping for an SQS FIFO queue with ReportBatchItemFailures:
 * up to `maximumConcurrency` pollers each long-poll a batch, invoke the handler, and delete
 * the records it did not report as failed. A batch whose handler throws or times out is left
 * whole to come back after the visibility timeout, so a group's order survives the failure.
 */
export class SqsEventSourceMapping {
  private readonly queue: FifoQueue;
  private readonly queueArn: string;
  private readonly awsRegion: string;
  private readonly handler: SqsBatchHandler;
  private readonly lambda: LambdaFunctionConfig;
  private readonly batchSize: number;
  private readonly maximumConcurrency: number;
  private readonly pollWaitSeconds: number;
  private readonly onError: (error: EventSourceMappingError) => void;
  private running: { readonly stopping: AbortController; readonly pollers: Promise<void>[] } | undefined;

  constructor(options: SqsEventSourceMappingOptions) {
    const arn = parseQueueArn(options.queueArn);
    if (arn === undefined || arn.queueName !== options.queue.name) {
      throw new RangeError(`queueArn must be an SQS ARN naming queue ${options.queue.name}: ${options.queueArn}`);
    }
    this.queue = options.queue;
    this.queueArn = options.queueArn;
    this.awsRegion = arn.region;
    this.handler = options.handler;
    this.lambda = options.lambda;
    this.batchSize = options.batchSize ?? MAX_FIFO_BATCH_SIZE;
    this.maximumConcurrency = options.maximumConcurrency ?? MIN_MAXIMUM_CONCURRENCY;
    this.pollWaitSeconds = options.pollWaitSeconds ?? MAX_POLL_WAIT_SECONDS;
    this.onError = options.onError ?? ((error) => console.error(error));
    assertIntegerIn('batchSize', this.batchSize, 1, MAX_FIFO_BATCH_SIZE);
    assertIntegerIn('maximumConcurrency', this.maximumConcurrency, MIN_MAXIMUM_CONCURRENCY, MAX_MAXIMUM_CONCURRENCY);
    // A zero-second poll of an empty queue would return at once and spin.
    assertIntegerIn('pollWaitSeconds', this.pollWaitSeconds, 1, MAX_POLL_WAIT_SECONDS);
    assertIntegerIn('lambda.timeoutMs', this.lambda.timeoutMs, 1, Number.MAX_SAFE_INTEGER);
  }

  start(): void {
    if (this.running !== undefined) return;
    const stopping = new AbortController();
    const pollers = Array.from({ length: this.maximumConcurrency }, () =>
      this.poll(stopping.signal).catch((error: unknown) => {
        this.onError(new EventSourceMappingError('poll-failed', `Polling ${this.queue.name} stopped`, undefined, { cause: error }));
      }),
    );
    this.running = { stopping, pollers };
  }

  /** Ends the long polls at once and resolves when the invocations under way have finished. */
  async stop(): Promise<void> {
    const running = this.running;
    if (running === undefined) return;
    this.running = undefined;
    running.stopping.abort();
    await Promise.all(running.pollers);
  }

  private async poll(stopping: AbortSignal): Promise<void> {
    while (!stopping.aborted) {
      const messages = await this.queue.receive({
        maxMessages: this.batchSize,
        waitTimeSeconds: this.pollWaitSeconds,
        signal: stopping,
      });
      if (messages.length > 0) await this.invoke({ Records: messages.map((message) => this.recordOf(message)) });
    }
  }

  private async invoke(event: SQSEvent): Promise<void> {
    let response: unknown;
    try {
      response = await this.runHandler(event);
    } catch (error) {
      this.onError(
        error instanceof EventSourceMappingError
          ? error
          : new EventSourceMappingError('handler-threw', `${this.lambda.functionName} failed a batch of ${event.Records.length}`, event, {
              cause: error,
            }),
      );
      return;
    }
    const failedIds = failedMessageIdsOf(response, event);
    if (failedIds === undefined) {
      this.onError(
        new EventSourceMappingError(
          'invalid-batch-response',
          `${this.lambda.functionName} returned batchItemFailures that do not name records of its batch; the batch counts as failed`,
          event,
        ),
      );
      return;
    }
    for (const record of event.Records) {
      if (failedIds.has(record.messageId)) continue;
      try {
        this.queue.delete(record.receiptHandle);
      } catch (error) {
        // As for Lambda: a record handled after its visibility timeout lapsed will be delivered again.
        this.onError(new EventSourceMappingError('delete-failed', `Could not delete message ${record.messageId}`, event, { cause: error }));
      }
    }
  }

  /** Lambda ends an invocation at its timeout; here the handler's promise is abandoned instead. */
  private async runHandler(event: SQSEvent): Promise<unknown> {
    const { timeoutMs } = this.lambda;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new EventSourceMappingError('handler-timed-out', `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`, event));
      }, timeoutMs);
    });
    try {
      const context = createLambdaContext(this.lambda);
      return await Promise.race([Promise.resolve().then(() => this.handler(event, context)), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private recordOf(message: ReceivedMessage): SQSRecord {
    const messageAttributes: SQSMessageAttributes = {};
    for (const [name, value] of Object.entries(message.messageAttributes)) {
      messageAttributes[name] = {
        dataType: value.dataType,
        ...(value.stringValue === undefined ? {} : { stringValue: value.stringValue }),
        ...(value.binaryValue === undefined ? {} : { binaryValue: Buffer.from(value.binaryValue).toString('base64') }),
        stringListValues: [],
        binaryListValues: [],
      };
    }
    return {
      messageId: message.messageId,
      receiptHandle: message.receiptHandle,
      body: message.body,
      attributes: { ...message.attributes },
      messageAttributes,
      ...(message.md5OfMessageAttributes === undefined ? {} : { md5OfMessageAttributes: message.md5OfMessageAttributes }),
      md5OfBody: message.md5OfBody,
      eventSource: 'aws:sqs',
      eventSourceARN: this.queueArn,
      awsRegion: this.awsRegion,
    };
  }
}

/**
 * Lambda's reading of a partial batch response: no response, or no list, means all succeeded;
 * a list entry without an itemIdentifier naming a record of the batch fails the whole batch.
 */
function failedMessageIdsOf(response: unknown, event: SQSEvent): Set<string> | undefined {
  if (!isObject(response)) return new Set();
  const failures = response.batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return undefined;
  const batchIds = new Set(event.Records.map((record) => record.messageId));
  const failedIds = new Set<string>();
  for (const failure of failures) {
    const id: unknown = isObject(failure) ? failure.itemIdentifier : undefined;
    if (typeof id !== 'string' || !batchIds.has(id)) return undefined;
    failedIds.add(id);
  }
  return failedIds;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function assertIntegerIn(option: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${option} must be an integer from ${min} to ${max}: ${value}`);
  }
}
