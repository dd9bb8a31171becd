import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureTable, startDynamo } from '../local/dynamoServer';
import { FifoQueue } from '../local/sqs/fifoQueue';
import { createSqsRequestHandler } from '../local/sqs/sqsProtocolServer';

export interface LocalEndpoints {
  sqsEndpoint: string;
  queueUrl: string;
  queue: FifoQueue;
  dynamoEndpoint: string;
  tableName: string;
  close(): Promise<void>;
}

const QUEUE_NAME = 'zeta-bench.fifo';
const TABLE_NAME = 'zeta-bench';

/** The endpoints the webhook talks to under `npm start`: the in-process SQS FIFO queue behind the SQS JSON protocol, and dynalite. */
export async function startLocalEndpoints(): Promise<LocalEndpoints> {
  const dynamo = await startDynamo();
  await ensureTable(dynamo.endpoint, TABLE_NAME);
  const queue = new FifoQueue(QUEUE_NAME);
  const sqs = createSqsRequestHandler(new Map([[queue.name, queue]]), { pathPrefix: '/sqs', region: 'us-east-1' });
  const server = createServer((request, response) => void sqs(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    sqsEndpoint: `${origin}/sqs`,
    queueUrl: `${origin}/sqs/000000000000/${QUEUE_NAME}`,
    queue,
    dynamoEndpoint: dynamo.endpoint,
    tableName: TABLE_NAME,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dynamo.close();
    },
  };
}
