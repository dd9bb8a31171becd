import { FifoQueueError } from './fifoQueue';

interface ErrorShape {
  /** The JSON body's `__type`: the Smithy shape id. */
  readonly type: string;
  /**
   * The `x-amzn-query-error` code. SQS's SDK is "awsQueryCompatible": it reads this code before
   * `__type` and maps it back to a modeled exception class, or else to SQSServiceException named by it.
   * It is also the `Code` of a failed batch entry.
   */
  readonly queryCode: string;
  readonly status: number;
}

/** Query codes and statuses as the SDK's model (`awsQueryError` traits) declares them. */
const ERROR_SHAPES = {
  QueueDoesNotExist: sqs('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 400),
  InvalidAddress: sqs('InvalidAddress', 'InvalidAddress', 404),
  MissingParameter: sqs('MissingParameter', 'MissingParameter', 400),
  InvalidParameterValue: sqs('InvalidParameterValue', 'InvalidParameterValue', 400),
  InvalidMessageContents: sqs('InvalidMessageContents', 'InvalidMessageContents', 400),
  InvalidAttributeName: sqs('InvalidAttributeName', 'InvalidAttributeName', 400),
  ReceiptHandleIsInvalid: sqs('ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid', 404),
  EmptyBatchRequest: sqs('EmptyBatchRequest', 'AWS.SimpleQueueService.EmptyBatchRequest', 400),
  TooManyEntriesInBatchRequest: sqs('TooManyEntriesInBatchRequest', 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', 400),
  BatchEntryIdsNotDistinct: sqs('BatchEntryIdsNotDistinct', 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', 400),
  InvalidBatchEntryId: sqs('InvalidBatchEntryId', 'AWS.SimpleQueueService.InvalidBatchEntryId', 400),
  BatchRequestTooLong: sqs('BatchRequestTooLong', 'AWS.SimpleQueueService.BatchRequestTooLong', 400),
  UnknownOperationException: coral('UnknownOperationException', 400),
  SerializationException: coral('SerializationException', 400),
  InternalFailure: coral('InternalFailure', 500),
} as const satisfies Record<string, ErrorShape>;

export type SqsErrorCode = keyof typeof ERROR_SHAPES;

export class SqsProtocolError extends Error {
  override readonly name = 'SqsProtocolError';
  constructor(
    readonly code: SqsErrorCode,
    message: string,
  ) {
    super(message);
  }

  get shape(): ErrorShape {
    return ERROR_SHAPES[this.code];
  }
}

/** The queue's own rule violations are SQS errors already; anything else is not a client's fault. */
export function asSqsProtocolError(error: unknown): SqsProtocolError | undefined {
  if (error instanceof SqsProtocolError) return error;
  if (error instanceof FifoQueueError) return new SqsProtocolError(error.code, error.message);
  return undefined;
}

function sqs(shapeName: string, queryCode: string, status: number): ErrorShape {
  return { type: `com.amazonaws.sqs#${shapeName}`, queryCode, status };
}

/** Errors raised by the AWS service framework before SQS sees the request. */
function coral(shapeName: string, status: number): ErrorShape {
  return { type: `com.amazon.coral.service#${shapeName}`, queryCode: shapeName, status };
}
