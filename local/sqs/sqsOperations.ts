import type {
  FifoQueue,
  MessageAttributes,
  MessageAttributeValue,
  MessageSystemAttributes,
  ReceivedMessage,
  SendMessageInput,
} from './fifoQueue';
import { MAX_MESSAGE_BYTES, messageSizeBytes } from './fifoQueue';
import { md5OfMessageAttributes } from './messageDigests';
import { parseQueueUrl, queueArn, queueUrl } from './queueAddress';
import {
  isJsonObject,
  optionalInteger,
  optionalObject,
  optionalString,
  requiredInteger,
  requiredString,
  stringList,
  type JsonObject,
} from './requestParameters';
import { asSqsProtocolError, SqsProtocolError } from './sqsProtocolError';

/** A name-to-queue lookup: a Map of queues, or anything else that can find one by name. */
export type QueueRegistry = Pick<ReadonlyMap<string, FifoQueue>, 'get'>;

export interface OperationScope {
  readonly queues: QueueRegistry;
  /** `http://host:port` as the client addressed this server; queue URLs are built on it. */
  readonly origin: string;
  readonly pathPrefix: string;
  readonly accountId: string;
  readonly region: string;
  /** Aborted when the client hangs up, which ends a long poll without taking messages. */
  readonly signal: AbortSignal;
}

export type SqsOperation = (input: JsonObject, scope: OperationScope) => JsonObject | Promise<JsonObject>;

const MAX_BATCH_ENTRIES = 10;
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;
const ALL = 'All';

/** The operations that @aws-sdk/client-sqs sends for the webhook, the consumer and local tooling. */
export const SQS_OPERATIONS: ReadonlyMap<string, SqsOperation> = new Map<string, SqsOperation>([
  ['SendMessage', sendMessage],
  ['SendMessageBatch', sendMessageBatch],
  ['ReceiveMessage', receiveMessage],
  ['DeleteMessage', deleteMessage],
  ['DeleteMessageBatch', deleteMessageBatch],
  ['ChangeMessageVisibility', changeMessageVisibility],
  ['GetQueueUrl', getQueueUrl],
  ['GetQueueAttributes', getQueueAttributes],
  ['PurgeQueue', purgeQueue],
]);

function sendMessage(input: JsonObject, scope: OperationScope): JsonObject {
  const queue = queueAddressedBy(input, scope);
  const sent = queue.send(sendInputOf(input));
  return withoutUndefined({
    MessageId: sent.messageId,
    MD5OfMessageBody: sent.md5OfBody,
    MD5OfMessageAttributes: sent.md5OfMessageAttributes,
    SequenceNumber: sent.sequenceNumber,
  });
}

/** Whole-request problems fail the call; an entry's own problem fails only that entry, as in SQS. */
function sendMessageBatch(input: JsonObject, scope: OperationScope): JsonObject {
  const queue = queueAddressedBy(input, scope);
  const entries = batchEntriesOf(input, 'SendMessageBatchRequestEntry');
  const parsed = entries.map((entry) => ({ id: requiredString(entry, 'Id'), input: attempt(() => sendInputOf(entry)) }));
  const totalBytes = parsed.reduce(
    (sum, { input: sendInput }, index) =>
      sum +
      ('value' in sendInput
        ? messageSizeBytes(sendInput.value.body, sendInput.value.messageAttributes ?? {})
        : bodyBytesOf(entries[index]!)),
    0,
  );
  if (totalBytes > MAX_MESSAGE_BYTES) {
    throw new SqsProtocolError(
      'BatchRequestTooLong',
      `Batch requests cannot be longer than ${MAX_MESSAGE_BYTES} bytes. You have sent ${totalBytes} bytes.`,
    );
  }
  const successful: JsonObject[] = [];
  const failed: JsonObject[] = [];
  for (const { id, input: sendInput } of parsed) {
    const sent = 'value' in sendInput ? attempt(() => queue.send(sendInput.value)) : sendInput;
    if ('error' in sent) {
      failed.push(failedEntry(id, sent.error));
      continue;
    }
    successful.push(
      withoutUndefined({
        Id: id,
        MessageId: sent.value.messageId,
        MD5OfMessageBody: sent.value.md5OfBody,
        MD5OfMessageAttributes: sent.value.md5OfMessageAttributes,
        SequenceNumber: sent.value.sequenceNumber,
      }),
    );
  }
  return { Successful: successful, Failed: failed };
}

async function receiveMessage(input: JsonObject, scope: OperationScope): Promise<JsonObject> {
  const queue = queueAddressedBy(input, scope);
  // Every parameter is read before receiving: a late error would strand the received messages in flight.
  // SQS honours the deprecated AttributeNames as well as MessageSystemAttributeNames.
  const systemAttributeNames = new Set([...stringList(input, 'AttributeNames'), ...stringList(input, 'MessageSystemAttributeNames')]);
  const messageAttributeNames = stringList(input, 'MessageAttributeNames');
  const messages = await queue.receive({
    maxMessages: optionalInteger(input, 'MaxNumberOfMessages'),
    visibilityTimeoutSeconds: optionalInteger(input, 'VisibilityTimeout'),
    waitTimeSeconds: optionalInteger(input, 'WaitTimeSeconds'),
    signal: scope.signal,
  });
  if (messages.length === 0) return {};
  return { Messages: messages.map((message) => messageJson(message, systemAttributeNames, messageAttributeNames)) };
}

function deleteMessage(input: JsonObject, scope: OperationScope): JsonObject {
  queueAddressedBy(input, scope).delete(requiredString(input, 'ReceiptHandle'));
  return {};
}

function deleteMessageBatch(input: JsonObject, scope: OperationScope): JsonObject {
  const queue = queueAddressedBy(input, scope);
  const entries = batchEntriesOf(input, 'DeleteMessageBatchRequestEntry');
  const successful: JsonObject[] = [];
  const failed: JsonObject[] = [];
  for (const entry of entries) {
    const id = requiredString(entry, 'Id');
    const deleted = attempt(() => queue.delete(requiredString(entry, 'ReceiptHandle')));
    if ('error' in deleted) failed.push(failedEntry(id, deleted.error));
    else successful.push({ Id: id });
  }
  return { Successful: successful, Failed: failed };
}

function changeMessageVisibility(input: JsonObject, scope: OperationScope): JsonObject {
  const queue = queueAddressedBy(input, scope);
  queue.changeVisibility(requiredString(input, 'ReceiptHandle'), requiredInteger(input, 'VisibilityTimeout'));
  return {};
}

function getQueueUrl(input: JsonObject, scope: OperationScope): JsonObject {
  const queueName = requiredString(input, 'QueueName');
  const ownerAccountId = optionalString(input, 'QueueOwnerAWSAccountId') ?? scope.accountId;
  if (ownerAccountId !== scope.accountId || scope.queues.get(queueName) === undefined) throw queueDoesNotExist();
  return { QueueUrl: queueUrl(scope.origin, scope.pathPrefix, queueName, scope.accountId) };
}

function getQueueAttributes(input: JsonObject, scope: OperationScope): JsonObject {
  const queue = queueAddressedBy(input, scope);
  const requested = stringList(input, 'AttributeNames');
  const available = queueAttributesOf(queue, scope);
  const attributes: Record<string, string> = {};
  for (const name of requested.includes(ALL) ? Object.keys(available) : requested) {
    if (!(name in available) && !OPTIONAL_QUEUE_ATTRIBUTES.has(name)) {
      throw new SqsProtocolError('InvalidAttributeName', `Unknown Attribute ${name}.`);
    }
    const value = available[name];
    if (value !== undefined) attributes[name] = value;
  }
  return { Attributes: attributes };
}

function purgeQueue(input: JsonObject, scope: OperationScope): JsonObject {
  queueAddressedBy(input, scope).purge();
  return {};
}

/** Attributes a queue reports only when it has them. */
const OPTIONAL_QUEUE_ATTRIBUTES = new Set(['RedrivePolicy']);

function queueAttributesOf(queue: FifoQueue, scope: OperationScope): Record<string, string> {
  const counts = queue.counts();
  const attributes: Record<string, string> = {
    QueueArn: arnOf(queue, scope),
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.inFlight),
    ApproximateNumberOfMessagesDelayed: '0',
    VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
    DelaySeconds: '0',
    ReceiveMessageWaitTimeSeconds: '0',
    MaximumMessageSize: String(MAX_MESSAGE_BYTES),
    FifoQueue: 'true',
    ContentBasedDeduplication: String(queue.contentBasedDeduplication),
  };
  if (queue.deadLetterQueue !== undefined) {
    attributes.RedrivePolicy = JSON.stringify({
      deadLetterTargetArn: arnOf(queue.deadLetterQueue, scope),
      maxReceiveCount: queue.maxReceiveCount,
    });
  }
  return attributes;
}

function arnOf(queue: FifoQueue, scope: OperationScope): string {
  return queueArn({ region: scope.region, accountId: scope.accountId, queueName: queue.name });
}

function queueAddressedBy(input: JsonObject, scope: OperationScope): FifoQueue {
  const url = requiredString(input, 'QueueUrl');
  const address = parseQueueUrl(url);
  if (address === undefined) throw new SqsProtocolError('InvalidAddress', `The address ${url} is not valid for this endpoint.`);
  const queue = address.accountId === scope.accountId ? scope.queues.get(address.queueName) : undefined;
  if (queue === undefined) throw queueDoesNotExist();
  return queue;
}

function queueDoesNotExist(): SqsProtocolError {
  return new SqsProtocolError('QueueDoesNotExist', 'The specified queue does not exist.');
}

function sendInputOf(input: JsonObject): SendMessageInput {
  const delaySeconds = optionalInteger(input, 'DelaySeconds');
  if (delaySeconds !== undefined && delaySeconds !== 0) {
    throw new SqsProtocolError(
      'InvalidParameterValue',
      `Value ${delaySeconds} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.`,
    );
  }
  return {
    body: requiredString(input, 'MessageBody'),
    groupId: requiredString(input, 'MessageGroupId'),
    deduplicationId: optionalString(input, 'MessageDeduplicationId'),
    messageAttributes: messageAttributesOf(optionalObject(input, 'MessageAttributes') ?? {}),
  };
}

function messageAttributesOf(json: JsonObject): MessageAttributes {
  const attributes: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(json)) {
    if (!isJsonObject(value)) throw invalidAttribute(name, 'must be an object');
    if (stringList(value, 'StringListValues').length > 0 || stringList(value, 'BinaryListValues').length > 0) {
      throw invalidAttribute(name, 'list values are reserved by SQS and not supported');
    }
    const binaryValue = optionalString(value, 'BinaryValue');
    attributes[name] = withoutUndefined({
      dataType: requiredString(value, 'DataType'),
      stringValue: optionalString(value, 'StringValue'),
      binaryValue: binaryValue === undefined ? undefined : new Uint8Array(Buffer.from(binaryValue, 'base64')),
    });
  }
  return attributes;
}

function invalidAttribute(name: string, reason: string): SqsProtocolError {
  return new SqsProtocolError('InvalidParameterValue', `Message (user) attribute '${name}' is invalid. Reason: ${reason}.`);
}

function batchEntriesOf(input: JsonObject, entryName: string): JsonObject[] {
  const entries = input.Entries;
  if (entries === undefined || entries === null || (Array.isArray(entries) && entries.length === 0)) {
    throw new SqsProtocolError('EmptyBatchRequest', `There should be at least one ${entryName} in the request.`);
  }
  if (!Array.isArray(entries) || !entries.every(isJsonObject)) {
    throw new SqsProtocolError('InvalidParameterValue', 'Value for parameter Entries is invalid. Reason: must be a list of objects.');
  }
  if (entries.length > MAX_BATCH_ENTRIES) {
    throw new SqsProtocolError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are ${MAX_BATCH_ENTRIES}. You have sent ${entries.length}.`,
    );
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    const id = requiredString(entry, 'Id');
    if (!BATCH_ENTRY_ID.test(id)) {
      throw new SqsProtocolError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
      );
    }
    if (seen.has(id)) throw new SqsProtocolError('BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
    seen.add(id);
  }
  return entries;
}

function bodyBytesOf(entry: JsonObject): number {
  const body = entry.MessageBody;
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : 0;
}

function failedEntry(id: string, error: SqsProtocolError): JsonObject {
  return { Id: id, SenderFault: true, Code: error.shape.queryCode, Message: error.message };
}

type Attempt<T> = { value: T } | { error: SqsProtocolError };

/** Runs one batch entry's work; an SQS error becomes that entry's failure, anything else propagates. */
function attempt<T>(work: () => T): Attempt<T> {
  try {
    return { value: work() };
  } catch (error) {
    const protocolError = asSqsProtocolError(error);
    if (protocolError === undefined) throw error;
    return { error: protocolError };
  }
}

function messageJson(
  message: ReceivedMessage,
  systemAttributeNames: ReadonlySet<string>,
  messageAttributeNames: readonly string[],
): JsonObject {
  const json: JsonObject = {
    MessageId: message.messageId,
    ReceiptHandle: message.receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
  };
  const attributes = selectSystemAttributes(message.attributes, systemAttributeNames);
  if (Object.keys(attributes).length > 0) json.Attributes = attributes;
  const messageAttributes = selectMessageAttributes(message.messageAttributes, messageAttributeNames);
  if (Object.keys(messageAttributes).length > 0) {
    json.MessageAttributes = Object.fromEntries(
      Object.entries(messageAttributes).map(([name, value]) => [name, messageAttributeJson(value)]),
    );
    // SQS digests the attributes it returns, not all that the message carries.
    json.MD5OfMessageAttributes = md5OfMessageAttributes(messageAttributes);
  }
  return json;
}

function selectSystemAttributes(attributes: MessageSystemAttributes, names: ReadonlySet<string>): Record<string, string> {
  const entries = Object.entries(attributes);
  return Object.fromEntries(names.has(ALL) ? entries : entries.filter(([name]) => names.has(name)));
}

/** `All` or `.*` selects every attribute, `prefix.*` those under a prefix, anything else one by name. */
function selectMessageAttributes(attributes: MessageAttributes, names: readonly string[]): MessageAttributes {
  const selectsAll = names.includes(ALL) || names.includes('.*');
  const prefixes = names.filter((name) => name.endsWith('.*')).map((name) => name.slice(0, -1));
  return Object.fromEntries(
    Object.entries(attributes).filter(([name]) => selectsAll || names.includes(name) || prefixes.some((prefix) => name.startsWith(prefix))),
  );
}

function messageAttributeJson(value: MessageAttributeValue): JsonObject {
  return withoutUndefined({
    DataType: value.dataType,
    StringValue: value.stringValue,
    BinaryValue: value.binaryValue === undefined ? undefined : Buffer.from(value.binaryValue).toString('base64'),
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
