import { createHash, randomUUID } from 'node:crypto';
import { md5OfMessageAttributes, md5OfMessageBody } from './messageDigests';
import { MinHeap } from './minHeap';

/** SQS's limit on a message: body plus attribute names, types and values. */
export const MAX_MESSAGE_BYTES = 262_144;
const MAX_VISIBILITY_TIMEOUT_SECONDS = 43_200;
const MAX_WAIT_TIME_SECONDS = 20;
const MAX_MESSAGES_PER_RECEIVE = 10;
const MAX_MESSAGE_ATTRIBUTES = 10;
const MAX_RECEIVE_COUNT = 1000;
const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
const DEFAULT_DEDUPLICATION_WINDOW_MS = 5 * 60_000;
/** Locally every sender is the account itself, which is what SQS reports for the root user. */
const LOCAL_SENDER_ID = '000000000000';
/** A group's array keeps its consumed head until then, so that popping the head stays O(1). */
const COMPACT_GROUP_AFTER = 1024;

const FIFO_QUEUE_NAME = /^[A-Za-z0-9_-]{1,75}\.fifo$/;
/** Alphanumerics and punctuation, 1 to 128 of them: SQS's rule for group and deduplication ids. */
const GROUP_OR_DEDUPLICATION_ID = /^[\x21-\x7e]{1,128}$/;
/** The XML 1.0 character range that SQS accepts in bodies and string attribute values. */
const ALLOWED_TEXT = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const ATTRIBUTE_NAME = /^(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9_.-]{1,256}$/;
const RESERVED_ATTRIBUTE_NAME = /^(aws\.|amazon\.)/i;
const ATTRIBUTE_DATA_TYPE = /^(String|Number|Binary)(\.[A-Za-z0-9_.-]+)?$/;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export interface MessageAttributeValue {
  /** `String`, `Number` or `Binary`, optionally with a custom suffix such as `String.json`. */
  readonly dataType: string;
  readonly stringValue?: string;
  readonly binaryValue?: Uint8Array;
}

export type MessageAttributes = Readonly<Record<string, MessageAttributeValue>>;

/** What SQS reports about a delivered message, named and formatted as SQS does. */
export interface MessageSystemAttributes {
  readonly SenderId: string;
  readonly SentTimestamp: string;
  readonly ApproximateReceiveCount: string;
  readonly ApproximateFirstReceiveTimestamp: string;
  readonly MessageGroupId: string;
  readonly MessageDeduplicationId: string;
  readonly SequenceNumber: string;
}

export interface FifoQueueOptions {
  readonly visibilityTimeoutSeconds?: number;
  /** Deliveries after which a message that is still not deleted moves to the dead-letter queue. */
  readonly maxReceiveCount?: number;
  readonly deadLetterQueue?: FifoQueue;
  readonly deduplicationWindowMs?: number;
  /** SQS's queue attribute: the SHA-256 of the body stands in for a missing deduplication id. */
  readonly contentBasedDeduplication?: boolean;
  /**
   * SQS's DeduplicationScope: `queue` (one id seen anywhere is a duplicate) or
   * `messageGroup` (high-throughput FIFO: the same id in another group is a new message).
   */
  readonly deduplicationScope?: 'queue' | 'messageGroup';
  /** Message time (sent, visibility, deduplication). Long polls always wait on the wall clock. */
  readonly now?: () => number;
}

export interface SendMessageInput {
  readonly body: string;
  readonly groupId: string;
  /** Required unless the queue uses content-based deduplication. */
  readonly deduplicationId?: string;
  readonly messageAttributes?: MessageAttributes;
}

export interface SendMessageResult {
  readonly messageId: string;
  readonly sequenceNumber: string;
  readonly md5OfBody: string;
  readonly md5OfMessageAttributes: string | undefined;
  /** The deduplication id was seen within the window: accepted, not enqueued, original ids returned. */
  readonly duplicate: boolean;
}

export interface ReceiveMessageInput {
  /** 1 to 10; 1 when absent, as in SQS. */
  readonly maxMessages?: number;
  readonly visibilityTimeoutSeconds?: number;
  /** Long polling: 0 to 20 seconds to wait for a first message. */
  readonly waitTimeSeconds?: number;
  /** Ends a long poll early with no messages, e.g. when an HTTP client hangs up or a poller stops. */
  readonly signal?: AbortSignal;
}

export interface ReceivedMessage {
  readonly messageId: string;
  readonly receiptHandle: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly md5OfMessageAttributes: string | undefined;
  readonly attributes: MessageSystemAttributes;
  readonly messageAttributes: MessageAttributes;
}

export interface QueueCounts {
  /** Not in flight, including those waiting behind an in-flight message of their group. */
  readonly visible: number;
  readonly inFlight: number;
  readonly total: number;
}

/** The SQS error codes that the queue's own rules produce; the protocol server relays them as such. */
export type FifoQueueErrorCode = 'MissingParameter' | 'InvalidParameterValue' | 'InvalidMessageContents' | 'ReceiptHandleIsInvalid';

export class FifoQueueError extends Error {
  override readonly name = 'FifoQueueError';
  constructor(
    readonly code: FifoQueueErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface MessageGroup {
  readonly id: string;
  /** The group's messages in sequence order from `head` on; deleted ones stay as `gone` until trimmed. */
  messages: StoredMessage[];
  head: number;
  live: number;
  inFlight: number;
}

interface MessageContent {
  readonly messageId: string;
  readonly body: string;
  readonly groupId: string;
  readonly deduplicationId: string;
  readonly sentTimestamp: number;
  readonly messageAttributes: MessageAttributes;
  readonly md5OfBody: string;
  readonly md5OfMessageAttributes: string | undefined;
  readonly receiveCount: number;
  readonly firstReceiveTimestamp: number | undefined;
}

interface StoredMessage extends MessageContent {
  readonly group: MessageGroup;
  readonly sequenceNumber: string;
  state: 'visible' | 'inFlight' | 'gone';
  receiveCount: number;
  firstReceiveTimestamp: number | undefined;
  /** Set only while in flight: a handle from an earlier delivery no longer matches. */
  receiptHandle: string | undefined;
  visibleAt: number;
}

/** A heap entry goes stale when its message is deleted, redelivered or given a new timeout. */
interface VisibilityDeadline {
  readonly visibleAt: number;
  readonly message: StoredMessage;
  readonly receiptHandle: string;
}

interface DeduplicationRecord {
  readonly messageId: string;
  readonly sequenceNumber: string;
  readonly expiresAt: number;
}

interface Redrive {
  readonly deadLetterQueue: FifoQueue;
  readonly maxReceiveCount: number;
}

/**
 * An in-process SQS FIFO queue with SQS's contract: per-group order, a group locked while
 * any of its messages is in flight, deduplication within a window, visibility timeouts,
 * redrive to a dead-letter queue and long polling.
 */
export class FifoQueue {
  readonly visibilityTimeoutSeconds: number;
  readonly deduplicationWindowMs: number;
  readonly contentBasedDeduplication: boolean;
  readonly deduplicationScope: 'queue' | 'messageGroup';
  private readonly redrive: Redrive | undefined;
  private readonly now: () => number;

  private readonly messagesById = new Map<string, StoredMessage>();
  private readonly groups = new Map<string, MessageGroup>();
  /** Unlocked groups with messages to deliver, in the order they became deliverable. */
  private readonly deliverableGroups = new Set<MessageGroup>();
  private visibilityDeadlines = new MinHeap<VisibilityDeadline>(isEarlierDeadline);
  /** In insertion order, which is expiry order, so the stale ones are trimmed from the front. */
  private readonly deduplication = new Map<string, DeduplicationRecord>();
  private readonly throughputCounters = { enqueued: 0, receivesWithMessages: 0, received: 0 };
  private readonly waiters = new Set<() => void>();
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeTimerAt = Infinity;
  private inFlightCount = 0;
  private lastSequenceNumber = 0;
  private deliveries = 0;

  constructor(
    readonly name: string,
    options: FifoQueueOptions = {},
  ) {
    if (!FIFO_QUEUE_NAME.test(name)) {
      throw new RangeError(`A FIFO queue name is up to 80 alphanumerics, hyphens and underscores ending in ".fifo": "${name}"`);
    }
    this.visibilityTimeoutSeconds = options.visibilityTimeoutSeconds ?? DEFAULT_VISIBILITY_TIMEOUT_SECONDS;
    assertOption('visibilityTimeoutSeconds', this.visibilityTimeoutSeconds, 0, MAX_VISIBILITY_TIMEOUT_SECONDS);
    this.deduplicationWindowMs = options.deduplicationWindowMs ?? DEFAULT_DEDUPLICATION_WINDOW_MS;
    assertOption('deduplicationWindowMs', this.deduplicationWindowMs, 1, Number.MAX_SAFE_INTEGER);
    this.contentBasedDeduplication = options.contentBasedDeduplication ?? false;
    this.deduplicationScope = options.deduplicationScope ?? 'queue';
    this.now = options.now ?? Date.now;
    const { deadLetterQueue, maxReceiveCount } = options;
    if ((deadLetterQueue === undefined) !== (maxReceiveCount === undefined)) {
      throw new RangeError('maxReceiveCount and deadLetterQueue go together: SQS redrives only to a dead-letter queue');
    }
    if (deadLetterQueue !== undefined && maxReceiveCount !== undefined) {
      assertOption('maxReceiveCount', maxReceiveCount, 1, MAX_RECEIVE_COUNT);
      this.redrive = { deadLetterQueue, maxReceiveCount };
    }
  }

  get deadLetterQueue(): FifoQueue | undefined {
    return this.redrive?.deadLetterQueue;
  }

  get maxReceiveCount(): number | undefined {
    return this.redrive?.maxReceiveCount;
  }

  send(input: SendMessageInput): SendMessageResult {
    const messageAttributes = input.messageAttributes ?? {};
    validateMessage(input.body, input.groupId, messageAttributes);
    const deduplicationId = this.deduplicationIdOf(input);
    const deduplicationKey = this.deduplicationScope === 'messageGroup' ? `${input.groupId}\u0000${deduplicationId}` : deduplicationId;
    // The digests are of what this caller sent, even for a duplicate: the SDK checks them against its request.
    const md5OfBody = md5OfMessageBody(input.body);
    const md5OfAttributes = md5OfMessageAttributes(messageAttributes);
    const now = this.now();
    this.forgetExpiredDeduplication(now);
    const original = this.deduplication.get(deduplicationKey);
    if (original !== undefined) {
      return {
        messageId: original.messageId,
        sequenceNumber: original.sequenceNumber,
        md5OfBody,
        md5OfMessageAttributes: md5OfAttributes,
        duplicate: true,
      };
    }
    const message = this.enqueue({
      messageId: randomUUID(),
      body: input.body,
      groupId: input.groupId,
      deduplicationId,
      sentTimestamp: now,
      messageAttributes,
      md5OfBody,
      md5OfMessageAttributes: md5OfAttributes,
      receiveCount: 0,
      firstReceiveTimestamp: undefined,
    });
    this.deduplication.set(deduplicationKey, {
      messageId: message.messageId,
      sequenceNumber: message.sequenceNumber,
      expiresAt: now + this.deduplicationWindowMs,
    });
    return {
      messageId: message.messageId,
      sequenceNumber: message.sequenceNumber,
      md5OfBody,
      md5OfMessageAttributes: md5OfAttributes,
      duplicate: false,
    };
  }

  async receive(input: ReceiveMessageInput = {}): Promise<ReceivedMessage[]> {
    const maxMessages = input.maxMessages ?? 1;
    const visibilityTimeoutSeconds = input.visibilityTimeoutSeconds ?? this.visibilityTimeoutSeconds;
    const waitTimeSeconds = input.waitTimeSeconds ?? 0;
    requireIntegerIn('MaxNumberOfMessages', maxMessages, 1, MAX_MESSAGES_PER_RECEIVE);
    requireIntegerIn('VisibilityTimeout', visibilityTimeoutSeconds, 0, MAX_VISIBILITY_TIMEOUT_SECONDS);
    requireIntegerIn('WaitTimeSeconds', waitTimeSeconds, 0, MAX_WAIT_TIME_SECONDS);
    const deadline = Date.now() + waitTimeSeconds * 1000;
    for (;;) {
      if (input.signal?.aborted) return [];
      const received = this.take(maxMessages, visibilityTimeoutSeconds);
      const remainingMs = deadline - Date.now();
      if (received.length > 0) {
        this.throughputCounters.receivesWithMessages += 1;
        this.throughputCounters.received += received.length;
      }
      if (received.length > 0 || remainingMs <= 0) return received;
      await this.waitForChange(remainingMs, input.signal);
    }
  }

  /** Deleting a message that is already gone succeeds, as in SQS; a handle from a lapsed delivery does not. */
  delete(receiptHandle: string): void {
    this.releaseExpired();
    const message = this.inFlightMessage(receiptHandle);
    if (message === undefined) return;
    this.land(message);
    this.discard(message);
    this.settle(message.group);
  }

  changeVisibility(receiptHandle: string, visibilityTimeoutSeconds: number): void {
    this.releaseExpired();
    requireIntegerIn('VisibilityTimeout', visibilityTimeoutSeconds, 0, MAX_VISIBILITY_TIMEOUT_SECONDS);
    const message = this.inFlightMessage(receiptHandle);
    if (message === undefined) throw expiredReceiptHandle(receiptHandle);
    message.visibleAt = this.now() + visibilityTimeoutSeconds * 1000;
    this.visibilityDeadlines.push({ visibleAt: message.visibleAt, message, receiptHandle });
    // A zero timeout hands the message back now, or to the dead-letter queue if it has had its deliveries.
    this.releaseExpired();
    this.scheduleWake();
  }

  /** Since the queue was made: messages enqueued, and the receives that returned any (each one ReceiveMessage call of SQS's). */
  throughput(): { enqueued: number; receivesWithMessages: number; received: number } {
    return { ...this.throughputCounters };
  }

  counts(): QueueCounts {
    this.releaseExpired();
    const total = this.messagesById.size;
    return { visible: total - this.inFlightCount, inFlight: this.inFlightCount, total };
  }

  /** Drops every message, in flight or not; deduplication ids stay remembered, as in SQS. */
  purge(): void {
    this.messagesById.clear();
    this.groups.clear();
    this.deliverableGroups.clear();
    this.visibilityDeadlines = new MinHeap<VisibilityDeadline>(isEarlierDeadline);
    this.inFlightCount = 0;
  }

  private enqueue(content: MessageContent): StoredMessage {
    this.throughputCounters.enqueued += 1;
    const group = this.groupNamed(content.groupId);
    this.lastSequenceNumber += 1;
    const message: StoredMessage = {
      ...content,
      group,
      sequenceNumber: String(this.lastSequenceNumber).padStart(20, '0'),
      state: 'visible',
      receiptHandle: undefined,
      visibleAt: 0,
    };
    group.messages.push(message);
    group.live += 1;
    this.messagesById.set(message.messageId, message);
    if (group.inFlight === 0) this.markDeliverable(group);
    return message;
  }

  /** The redrive keeps the message id, body, attributes and receive history; the sequence number is the DLQ's. */
  private acceptDeadLetter(message: StoredMessage): void {
    this.enqueue({
      messageId: message.messageId,
      body: message.body,
      groupId: message.groupId,
      deduplicationId: message.deduplicationId,
      sentTimestamp: message.sentTimestamp,
      messageAttributes: message.messageAttributes,
      md5OfBody: message.md5OfBody,
      md5OfMessageAttributes: message.md5OfMessageAttributes,
      receiveCount: message.receiveCount,
      firstReceiveTimestamp: message.firstReceiveTimestamp,
    });
  }

  private groupNamed(groupId: string): MessageGroup {
    let group = this.groups.get(groupId);
    if (group === undefined) {
      group = { id: groupId, messages: [], head: 0, live: 0, inFlight: 0 };
      this.groups.set(groupId, group);
    }
    return group;
  }

  private take(maxMessages: number, visibilityTimeoutSeconds: number): ReceivedMessage[] {
    this.releaseExpired();
    const now = this.now();
    const visibleAt = now + visibilityTimeoutSeconds * 1000;
    const received: ReceivedMessage[] = [];
    for (const group of this.deliverableGroups) {
      if (received.length === maxMessages) break;
      // Taking any of its messages locks the group, so it leaves the deliverable set whole.
      this.deliverableGroups.delete(group);
      for (let index = group.head; index < group.messages.length && received.length < maxMessages; index += 1) {
        const message = group.messages[index]!;
        if (message.state === 'visible') received.push(this.deliver(message, now, visibleAt));
      }
    }
    if (received.length > 0) this.scheduleWake();
    return received;
  }

  private deliver(message: StoredMessage, now: number, visibleAt: number): ReceivedMessage {
    this.deliveries += 1;
    const receiptHandle = encodeReceiptHandle(this.name, message.messageId, this.deliveries);
    const firstReceiveTimestamp = message.firstReceiveTimestamp ?? now;
    message.state = 'inFlight';
    message.receiptHandle = receiptHandle;
    message.visibleAt = visibleAt;
    message.receiveCount += 1;
    message.firstReceiveTimestamp = firstReceiveTimestamp;
    message.group.inFlight += 1;
    this.inFlightCount += 1;
    this.visibilityDeadlines.push({ visibleAt, message, receiptHandle });
    return {
      messageId: message.messageId,
      receiptHandle,
      body: message.body,
      md5OfBody: message.md5OfBody,
      md5OfMessageAttributes: message.md5OfMessageAttributes,
      attributes: {
        SenderId: LOCAL_SENDER_ID,
        SentTimestamp: String(message.sentTimestamp),
        ApproximateReceiveCount: String(message.receiveCount),
        ApproximateFirstReceiveTimestamp: String(firstReceiveTimestamp),
        MessageGroupId: message.groupId,
        MessageDeduplicationId: message.deduplicationId,
        SequenceNumber: message.sequenceNumber,
      },
      messageAttributes: message.messageAttributes,
    };
  }

  /** Brings back, at the head of their groups, the in-flight messages whose visibility timeout has passed. */
  private releaseExpired(): void {
    const now = this.now();
    for (let next = this.visibilityDeadlines.peek(); next !== undefined && next.visibleAt <= now; next = this.visibilityDeadlines.peek()) {
      this.visibilityDeadlines.pop();
      const { message } = next;
      if (message.receiptHandle !== next.receiptHandle || message.visibleAt !== next.visibleAt) continue;
      this.land(message);
      if (this.redrive !== undefined && message.receiveCount >= this.redrive.maxReceiveCount) {
        this.discard(message);
        this.redrive.deadLetterQueue.acceptDeadLetter(message);
      }
      this.settle(message.group);
    }
  }

  private inFlightMessage(receiptHandle: string): StoredMessage | undefined {
    const decoded = decodeReceiptHandle(receiptHandle);
    if (decoded === undefined || decoded.queueName !== this.name) {
      throw new FifoQueueError('ReceiptHandleIsInvalid', `The input receipt handle "${receiptHandle}" is not a valid receipt handle.`);
    }
    const message = this.messagesById.get(decoded.messageId);
    if (message !== undefined && message.receiptHandle !== receiptHandle) throw expiredReceiptHandle(receiptHandle);
    return message;
  }

  private land(message: StoredMessage): void {
    message.state = 'visible';
    message.receiptHandle = undefined;
    message.group.inFlight -= 1;
    this.inFlightCount -= 1;
  }

  private discard(message: StoredMessage): void {
    const { group } = message;
    message.state = 'gone';
    this.messagesById.delete(message.messageId);
    group.live -= 1;
    while (group.head < group.messages.length && group.messages[group.head]!.state === 'gone') group.head += 1;
    if (group.head === group.messages.length) {
      group.messages = [];
      group.head = 0;
    } else if (group.head >= COMPACT_GROUP_AFTER && group.head * 2 >= group.messages.length) {
      group.messages = group.messages.slice(group.head);
      group.head = 0;
    }
  }

  private settle(group: MessageGroup): void {
    if (group.live === 0) {
      this.groups.delete(group.id);
      this.deliverableGroups.delete(group);
    } else if (group.inFlight === 0) {
      this.markDeliverable(group);
    }
  }

  private markDeliverable(group: MessageGroup): void {
    this.deliverableGroups.add(group);
    for (const wake of this.waiters) wake();
  }

  private waitForChange(timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        this.waiters.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      signal?.addEventListener('abort', finish);
      this.waiters.add(finish);
      this.scheduleWake();
    });
  }

  /** While someone long-polls, a timer brings back in-flight messages at their deadline to wake them. */
  private scheduleWake(): void {
    if (this.waiters.size === 0) return;
    const next = this.visibilityDeadlines.peek();
    if (next === undefined || next.visibleAt >= this.wakeTimerAt) return;
    clearTimeout(this.wakeTimer);
    this.wakeTimerAt = next.visibleAt;
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimer = undefined;
        this.wakeTimerAt = Infinity;
        this.releaseExpired();
        this.scheduleWake();
      },
      Math.max(1, next.visibleAt - this.now()),
    );
    this.wakeTimer.unref();
  }

  private deduplicationIdOf(input: SendMessageInput): string {
    if (input.deduplicationId !== undefined) {
      if (!GROUP_OR_DEDUPLICATION_ID.test(input.deduplicationId)) {
        throw new FifoQueueError(
          'InvalidParameterValue',
          `Value ${input.deduplicationId} for parameter MessageDeduplicationId is invalid. Reason: 1 to 128 alphanumeric or punctuation characters.`,
        );
      }
      return input.deduplicationId;
    }
    if (this.contentBasedDeduplication) return createHash('sha256').update(input.body, 'utf8').digest('hex');
    throw new FifoQueueError(
      'InvalidParameterValue',
      'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
  }

  private forgetExpiredDeduplication(now: number): void {
    for (const [deduplicationId, record] of this.deduplication) {
      if (record.expiresAt > now) return;
      this.deduplication.delete(deduplicationId);
    }
  }
}

/** Body bytes plus each attribute's name, type and value bytes, as SQS counts a message's size. */
export function messageSizeBytes(body: string, messageAttributes: MessageAttributes): number {
  let size = Buffer.byteLength(body, 'utf8');
  for (const [name, attribute] of Object.entries(messageAttributes)) {
    size += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(attribute.dataType, 'utf8');
    size += attribute.binaryValue?.byteLength ?? Buffer.byteLength(attribute.stringValue ?? '', 'utf8');
  }
  return size;
}

function validateMessage(body: string, groupId: string, messageAttributes: MessageAttributes): void {
  if (groupId === '') throw new FifoQueueError('MissingParameter', 'The request must contain the parameter MessageGroupId.');
  if (!GROUP_OR_DEDUPLICATION_ID.test(groupId)) {
    throw new FifoQueueError(
      'InvalidParameterValue',
      `Value ${groupId} for parameter MessageGroupId is invalid. Reason: 1 to 128 alphanumeric or punctuation characters.`,
    );
  }
  if (body === '') throw new FifoQueueError('MissingParameter', 'The request must contain the parameter MessageBody.');
  if (!ALLOWED_TEXT.test(body)) {
    throw new FifoQueueError(
      'InvalidMessageContents',
      'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF',
    );
  }
  validateMessageAttributes(messageAttributes);
  if (messageSizeBytes(body, messageAttributes) > MAX_MESSAGE_BYTES) {
    throw new FifoQueueError(
      'InvalidParameterValue',
      `One or more parameters are invalid. Reason: Message must be shorter than ${MAX_MESSAGE_BYTES} bytes.`,
    );
  }
}

function validateMessageAttributes(messageAttributes: MessageAttributes): void {
  const names = Object.keys(messageAttributes);
  if (names.length > MAX_MESSAGE_ATTRIBUTES) {
    throw new FifoQueueError(
      'InvalidParameterValue',
      `Number of message attributes [${names.length}] exceeds the allowed maximum [${MAX_MESSAGE_ATTRIBUTES}].`,
    );
  }
  for (const name of names) {
    const { dataType, stringValue, binaryValue } = messageAttributes[name]!;
    if (!ATTRIBUTE_NAME.test(name) || RESERVED_ATTRIBUTE_NAME.test(name)) {
      throw new FifoQueueError('InvalidParameterValue', `Message attribute name '${name}' is invalid.`);
    }
    if (!ATTRIBUTE_DATA_TYPE.test(dataType)) {
      throw new FifoQueueError(
        'InvalidParameterValue',
        `The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
      );
    }
    if (dataType.startsWith('Binary')) {
      if (binaryValue === undefined || binaryValue.byteLength === 0 || stringValue !== undefined) {
        throw new FifoQueueError(
          'InvalidParameterValue',
          `Message (user) attribute '${name}' must contain a non-empty value of type 'Binary'.`,
        );
      }
      continue;
    }
    if (stringValue === undefined || stringValue === '' || binaryValue !== undefined) {
      throw new FifoQueueError(
        'InvalidParameterValue',
        `Message (user) attribute '${name}' must contain a non-empty value of type 'String'.`,
      );
    }
    if (dataType.startsWith('Number') && !NUMBER.test(stringValue)) {
      throw new FifoQueueError('InvalidParameterValue', `Can't cast the value of message (user) attribute '${name}' to a number.`);
    }
    if (!ALLOWED_TEXT.test(stringValue)) {
      throw new FifoQueueError('InvalidMessageContents', `Message (user) attribute '${name}' contains invalid characters.`);
    }
  }
}

/** Ties go by sequence number, so that a batch redriven at one instant reaches the DLQ in group order. */
function isEarlierDeadline(a: VisibilityDeadline, b: VisibilityDeadline): boolean {
  if (a.visibleAt !== b.visibleAt) return a.visibleAt < b.visibleAt;
  return a.message.sequenceNumber < b.message.sequenceNumber;
}

function requireIntegerIn(parameter: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new FifoQueueError(
      'InvalidParameterValue',
      `Value ${value} for parameter ${parameter} is invalid. Reason: Must be between ${min} and ${max}, if provided.`,
    );
  }
}

function assertOption(option: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${option} must be an integer from ${min} to ${max}: ${value}`);
  }
}

function expiredReceiptHandle(receiptHandle: string): FifoQueueError {
  return new FifoQueueError(
    'InvalidParameterValue',
    `Value ${receiptHandle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`,
  );
}

/**
 * Opaque to callers, but it names its message, so that a stale handle can be told from a foreign
 * one, and its delivery, so that each delivery's handle differs.
 */
function encodeReceiptHandle(queueName: string, messageId: string, delivery: number): string {
  return Buffer.from(`${queueName} ${messageId} ${delivery}`, 'utf8').toString('base64url');
}

function decodeReceiptHandle(receiptHandle: string): { queueName: string; messageId: string } | undefined {
  const [queueName, messageId, delivery, ...rest] = Buffer.from(receiptHandle, 'base64url').toString('utf8').split(' ');
  if (queueName === undefined || messageId === undefined || delivery === undefined || rest.length > 0) return undefined;
  return { queueName, messageId };
}
