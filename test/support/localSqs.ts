import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SQSClient } from '@aws-sdk/client-sqs';
import { FifoQueue } from '../../local/sqs/fifoQueue';
import { createSqsRequestHandler } from '../../local/sqs/sqsProtocolServer';

export interface LocalSqs {
  queue: FifoQueue;
  queueUrl: string;
  client: SQSClient;
  close(): Promise<void>;
}

/** The in-process FIFO queue behind the real SQS wire protocol, on a loopback port. */
export async function startLocalSqs(queueName = 'test-inbound.fifo'): Promise<LocalSqs> {
  const queue = new FifoQueue(queueName, { visibilityTimeoutSeconds: 30 });
  const handler = createSqsRequestHandler(new Map([[queue.name, queue]]), { pathPrefix: '/sqs' });
  const server: Server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}/sqs`;
  const client = new SQSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return {
    queue,
    queueUrl: `${endpoint}/000000000000/${queueName}`,
    client,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
