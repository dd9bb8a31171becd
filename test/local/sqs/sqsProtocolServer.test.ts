import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BatchEntryIdsNotDistinct,
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  EmptyBatchRequest,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  InvalidAddress,
  InvalidAttributeName,
  PurgeQueueCommand,
  QueueDoesNotExist,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  SQSServiceException,
  TooManyEntriesInBatchRequest,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FifoQueue } from '../../../local/sqs/fifoQueue';
import { createSqsRequestHandler } from '../../../local/sqs/sqsProtocolServer';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

let server: Server;
let origin: string;
let client: SQSClient;
let queues: Map<string, FifoQueue>;
let ordersUrl: string;
const internalErrors: unknown[] = [];

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function clientFor(endpoint: string): SQSClient {
  return new SQSClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  queues = new Map();
  const handler = createSqsRequestHandler(queues, { pathPrefix: '/sqs', onInternalError: (error) => internalErrors.push(error) });
  // Everything goes to the handler, so that its own answer to a path outside its prefix is tested.
  server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = clientFor(`${origin}/sqs`);
  ordersUrl = `${origin}/sqs/000000000000/orders.fifo`;
});

beforeEach(() => {
  const deadLetters = new FifoQueue('orders-dlq.fifo');
  queues.clear();
  queues.set(
    'orders.fifo',
    new FifoQueue('orders.fifo', { visibilityTimeoutSeconds: 30, maxReceiveCount: 5, deadLetterQueue: deadLetters }),
  );
  queues.set('orders-dlq.fifo', deadLetters);
  queues.set('content.fifo', new FifoQueue('content.fifo', { contentBasedDeduplication: true }));
  internalErrors.length = 0;
});

afterAll(async () => {
  client.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

describe('SQS protocol server with @aws-sdk/client-sqs', () => {
  it('answers GetQueueUrl with a queue URL under the endpoint', async () => {
    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: 'orders.fifo' }));

    expect(QueueUrl).toBe(ordersUrl);
  });

  it('round-trips Cyrillic and emoji bodies and attributes through SendMessageBatch, ReceiveMessage and DeleteMessage', async () => {
    const texts = ['Здравствуйте! Нужен диван 🛋️', 'Сколько стоит доставка? 🚚', '👍🏽', 'Другой клиент: ёлка 🎄'];
    const sent = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: ordersUrl,
        Entries: texts.map((text, index) => ({
          Id: `entry-${index}`,
          MessageBody: text,
          MessageGroupId: index < 3 ? '79990001122' : '79995556677',
          MessageDeduplicationId: `wamid.${index}`,
          MessageAttributes:
            index === 0
              ? {
                  kind: { DataType: 'String', StringValue: 'текст' },
                  attempt: { DataType: 'Number', StringValue: '1' },
                  raw: { DataType: 'Binary', BinaryValue: Uint8Array.of(0xd0, 0x9f, 0, 255) },
                }
              : undefined,
        })),
      }),
    );
    expect(sent.Failed).toEqual([]);
    expect(sent.Successful?.map((entry) => [entry.Id, entry.MD5OfMessageBody])).toEqual(
      texts.map((text, index) => [`entry-${index}`, md5(text)]),
    );
    expect(sent.Successful?.[0]?.MD5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);

    const received = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: ordersUrl,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );

    const messages = received.Messages ?? [];
    expect(messages.map((message) => message.Body)).toEqual(texts);
    expect(messages.map((message) => message.MessageId)).toEqual(sent.Successful?.map((entry) => entry.MessageId));
    expect(messages[0]?.Attributes).toMatchObject({
      MessageGroupId: '79990001122',
      MessageDeduplicationId: 'wamid.0',
      ApproximateReceiveCount: '1',
      SequenceNumber: sent.Successful?.[0]?.SequenceNumber,
    });
    expect(messages[0]?.MessageAttributes).toEqual({
      kind: { DataType: 'String', StringValue: 'текст' },
      attempt: { DataType: 'Number', StringValue: '1' },
      raw: { DataType: 'Binary', BinaryValue: Uint8Array.of(0xd0, 0x9f, 0, 255) },
    });
    expect(messages[0]?.MD5OfMessageAttributes).toBe(sent.Successful?.[0]?.MD5OfMessageAttributes);

    for (const message of messages)
      await client.send(new DeleteMessageCommand({ QueueUrl: ordersUrl, ReceiptHandle: message.ReceiptHandle }));
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({
        QueueUrl: ordersUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    expect(Attributes).toEqual({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  });

  it('returns only the attributes asked for, digesting the returned message attributes', async () => {
    await client.send(
      new SendMessageCommand({
        QueueUrl: ordersUrl,
        MessageBody: 'x',
        MessageGroupId: 'g',
        MessageDeduplicationId: 'd',
        MessageAttributes: {
          SellerName: { DataType: 'String', StringValue: 'Example Store' },
          other: { DataType: 'String', StringValue: 'not asked for' },
        },
      }),
    );

    const { Messages } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: ordersUrl,
        MessageSystemAttributeNames: ['MessageGroupId'],
        MessageAttributeNames: ['SellerName'],
      }),
    );

    expect(Messages?.[0]?.Attributes).toEqual({ MessageGroupId: 'g' });
    expect(Messages?.[0]?.MessageAttributes).toEqual({ SellerName: { DataType: 'String', StringValue: 'Example Store' } });
    // A published test vector for SQS's attribute digest.
    expect(Messages?.[0]?.MD5OfMessageAttributes).toBe('cd28f3b68aeee4b2eac9c66f2f694b58');
  });

  it('answers a duplicate deduplication id with the original message id and enqueues nothing', async () => {
    const send = (body: string) =>
      client.send(
        new SendMessageCommand({ QueueUrl: ordersUrl, MessageBody: body, MessageGroupId: 'g', MessageDeduplicationId: 'wamid.dup' }),
      );
    const first = await send('первый');
    const second = await send('второй');

    expect(second.MessageId).toBe(first.MessageId);
    expect(second.MD5OfMessageBody).toBe(md5('второй'));
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: ordersUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    expect(Attributes?.ApproximateNumberOfMessages).toBe('1');
  });

  it('deduplicates on content for a queue with ContentBasedDeduplication', async () => {
    const contentUrl = `${origin}/sqs/000000000000/content.fifo`;
    const send = () => client.send(new SendMessageCommand({ QueueUrl: contentUrl, MessageBody: 'same', MessageGroupId: 'g' }));

    expect((await send()).MessageId).toBe((await send()).MessageId);
  });

  it('rejects a message without MessageGroupId as MissingParameter, for SendMessage and per batch entry', async () => {
    const error = await rejectionOf(
      client.send(new SendMessageCommand({ QueueUrl: ordersUrl, MessageBody: 'x', MessageDeduplicationId: 'd' })),
    );

    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error).toMatchObject({ name: 'MissingParameter', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toContain('MessageGroupId');

    const batch = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: ordersUrl,
        Entries: [
          { Id: 'ok', MessageBody: 'fine', MessageGroupId: 'g', MessageDeduplicationId: 'd1' },
          { Id: 'bad', MessageBody: 'no group', MessageDeduplicationId: 'd2' },
        ],
      }),
    );
    expect(batch.Successful?.map((entry) => entry.Id)).toEqual(['ok']);
    expect(batch.Failed).toEqual([
      { Id: 'bad', SenderFault: true, Code: 'MissingParameter', Message: expect.stringContaining('MessageGroupId') },
    ]);
  });

  it('maps queue and batch errors onto the SDK exception classes', async () => {
    const entry = (id: string) => ({ Id: id, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: id });

    expect(await rejectionOf(client.send(new GetQueueUrlCommand({ QueueName: 'missing.fifo' })))).toBeInstanceOf(QueueDoesNotExist);
    expect(
      await rejectionOf(
        client.send(new SendMessageCommand({ QueueUrl: `${origin}/sqs/000000000000/missing.fifo`, MessageBody: 'x', MessageGroupId: 'g' })),
      ),
    ).toBeInstanceOf(QueueDoesNotExist);
    expect(
      await rejectionOf(
        client.send(
          new SendMessageBatchCommand({ QueueUrl: ordersUrl, Entries: Array.from({ length: 11 }, (_, index) => entry(`e${index}`)) }),
        ),
      ),
    ).toBeInstanceOf(TooManyEntriesInBatchRequest);
    expect(
      await rejectionOf(client.send(new SendMessageBatchCommand({ QueueUrl: ordersUrl, Entries: [entry('same'), entry('same')] }))),
    ).toBeInstanceOf(BatchEntryIdsNotDistinct);
    expect(await rejectionOf(client.send(new SendMessageBatchCommand({ QueueUrl: ordersUrl, Entries: [] })))).toBeInstanceOf(
      EmptyBatchRequest,
    );
    expect(await rejectionOf(client.send(new DeleteMessageCommand({ QueueUrl: ordersUrl, ReceiptHandle: 'forged' })))).toBeInstanceOf(
      ReceiptHandleIsInvalid,
    );
    expect(
      await rejectionOf(client.send(new GetQueueAttributesCommand({ QueueUrl: ordersUrl, AttributeNames: ['NoSuchAttribute' as 'All'] }))),
    ).toBeInstanceOf(InvalidAttributeName);
    const invalidParameter = await rejectionOf(client.send(new ReceiveMessageCommand({ QueueUrl: ordersUrl, MaxNumberOfMessages: 11 })));
    expect(invalidParameter).toBeInstanceOf(SQSServiceException);
    expect(invalidParameter).toMatchObject({ name: 'InvalidParameterValue' });
    expect(internalErrors).toEqual([]);
  });

  it('rejects a batch whose messages together exceed 256 KiB', async () => {
    const big = 'ж'.repeat(40_000);
    const error = await rejectionOf(
      client.send(
        new SendMessageBatchCommand({
          QueueUrl: ordersUrl,
          Entries: Array.from({ length: 4 }, (_, index) => ({
            Id: `e${index}`,
            MessageBody: big,
            MessageGroupId: 'g',
            MessageDeduplicationId: `d${index}`,
          })),
        }),
      ),
    );

    expect(error).toMatchObject({ name: 'BatchRequestTooLong' });
  });

  it('makes a message visible again through ChangeMessageVisibility and deletes in batches', async () => {
    await client.send(
      new SendMessageCommand({ QueueUrl: ordersUrl, MessageBody: 'again', MessageGroupId: 'g', MessageDeduplicationId: 'd' }),
    );
    const first = await client.send(new ReceiveMessageCommand({ QueueUrl: ordersUrl }));
    expect((await client.send(new ReceiveMessageCommand({ QueueUrl: ordersUrl }))).Messages).toBeUndefined();

    await client.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: ordersUrl, ReceiptHandle: first.Messages?.[0]?.ReceiptHandle, VisibilityTimeout: 0 }),
    );
    const second = await client.send(
      new ReceiveMessageCommand({ QueueUrl: ordersUrl, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
    );
    expect(second.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');

    const deleted = await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: ordersUrl,
        Entries: [
          { Id: 'stale', ReceiptHandle: first.Messages?.[0]?.ReceiptHandle },
          { Id: 'current', ReceiptHandle: second.Messages?.[0]?.ReceiptHandle },
        ],
      }),
    );
    expect(deleted.Successful).toEqual([{ Id: 'current' }]);
    expect(deleted.Failed).toEqual([
      { Id: 'stale', SenderFault: true, Code: 'InvalidParameterValue', Message: expect.stringContaining('receipt handle has expired') },
    ]);
    expect(queues.get('orders.fifo')?.counts().total).toBe(0);
  });

  it('long-polls until a message is sent', async () => {
    const startedAt = Date.now();
    const polling = client.send(new ReceiveMessageCommand({ QueueUrl: ordersUrl, WaitTimeSeconds: 10 }));
    setTimeout(() => {
      void client.send(
        new SendMessageCommand({ QueueUrl: ordersUrl, MessageBody: 'пришло', MessageGroupId: 'g', MessageDeduplicationId: 'late' }),
      );
    }, 100);

    const { Messages } = await polling;

    expect(Messages?.map((message) => message.Body)).toEqual(['пришло']);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
  });

  it('ends a long poll without taking messages when the client hangs up', async () => {
    const hangUp = new AbortController();
    const polling = client.send(new ReceiveMessageCommand({ QueueUrl: ordersUrl, WaitTimeSeconds: 10 }), { abortSignal: hangUp.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    hangUp.abort();
    await expect(polling).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));

    await client.send(
      new SendMessageCommand({ QueueUrl: ordersUrl, MessageBody: 'kept', MessageGroupId: 'g', MessageDeduplicationId: 'kept' }),
    );

    expect(queues.get('orders.fifo')?.counts()).toEqual({ visible: 1, inFlight: 0, total: 1 });
  });

  it('reports queue attributes and purges', async () => {
    await client.send(new SendMessageCommand({ QueueUrl: ordersUrl, MessageBody: 'a', MessageGroupId: 'g', MessageDeduplicationId: 'a' }));
    await client.send(new SendMessageCommand({ QueueUrl: ordersUrl, MessageBody: 'b', MessageGroupId: 'g', MessageDeduplicationId: 'b' }));
    await client.send(new ReceiveMessageCommand({ QueueUrl: ordersUrl }));

    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: ordersUrl, AttributeNames: ['All'] }));
    expect(Attributes).toMatchObject({
      QueueArn: 'arn:aws:sqs:us-east-1:000000000000:orders.fifo',
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '1',
      FifoQueue: 'true',
      VisibilityTimeout: '30',
    });
    expect(JSON.parse(Attributes?.RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:orders-dlq.fifo',
      maxReceiveCount: 5,
    });

    await client.send(new PurgeQueueCommand({ QueueUrl: ordersUrl }));
    expect(queues.get('orders.fifo')?.counts().total).toBe(0);
  });

  it('accepts requests posted to a queue URL and refuses paths outside its prefix', async () => {
    const queueUrlClient = clientFor(ordersUrl);
    const outsideClient = clientFor(`${origin}/elsewhere`);
    try {
      const sent = await queueUrlClient.send(
        new SendMessageCommand({ QueueUrl: ordersUrl, MessageBody: 'via queue URL', MessageGroupId: 'g', MessageDeduplicationId: 'q' }),
      );
      expect(sent.MessageId).toBeDefined();
      expect(await rejectionOf(outsideClient.send(new GetQueueUrlCommand({ QueueName: 'orders.fifo' })))).toBeInstanceOf(InvalidAddress);
    } finally {
      queueUrlClient.destroy();
      outsideClient.destroy();
    }
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const response = await fetch(`${origin}/sqs/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.CreateQueue' },
      body: '{}',
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-query-error')).toBe('UnknownOperationException;Sender');
    expect(await response.json()).toMatchObject({ __type: 'com.amazon.coral.service#UnknownOperationException' });
  });
});
