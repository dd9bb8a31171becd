import type { Context, SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { parseEnvironment } from '../../functions/config/environment';
import { buildConsumer } from '../../functions/consumer/buildConsumer';
import { embeddedCatalog } from '../../local/embeddedCatalog';
import { createLambdaContext } from '../../local/lambdaContext';
import { startS3, type LocalS3 } from '../../local/s3Server';
import { GRAPH_TOKEN, PHONE_NUMBER_ID, startGraphServer, type GraphServer } from './graphServer';
import { startTestTable, type TestTable } from './localDynamo';
import { sqsEvent } from './sqsEvents';
import { quietTelemetry } from './telemetry';

export interface ConsumerHarness {
  table: TestTable;
  graph: GraphServer;
  s3: LocalS3;
  consumer: ReturnType<typeof buildConsumer>;
  invoke(records: SQSRecord[]): Promise<SQSBatchResponse>;
  /** As invoke, with a context of its own (e.g. an invocation close to its timeout). */
  invokeWith(records: SQSRecord[], context: Context): Promise<SQSBatchResponse>;
  /** Outbound Graph request bodies sent to one customer, oldest first. */
  sentTo(waId: string): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export const MEDIA_BUCKET = 'zeta-media-test';

/** The consumer Lambda built from its real composition root against dynalite and the Graph stand-in. */
export async function startConsumerHarness(
  extraEnv: Record<string, string> = {},
  graphOptions: Parameters<typeof startGraphServer>[0] = {},
): Promise<ConsumerHarness> {
  // s3rver accepts only its own key pair; dynalite accepts any.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  const table = await startTestTable();
  const graph = await startGraphServer(graphOptions);
  const s3 = await startS3({ buckets: [MEDIA_BUCKET] });
  const env = parseEnvironment({
    STAGE: 'test',
    TABLE_NAME: table.tableName,
    DYNAMODB_ENDPOINT: table.endpoint,
    GRAPH_API_BASE_URL: graph.baseUrl,
    WHATSAPP_TOKEN: GRAPH_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    CATALOG_IMAGE_BASE_URL: 'http://127.0.0.1:3000/catalog/',
    MEDIA_BUCKET,
    S3_ENDPOINT: s3.endpoint,
    ...extraEnv,
  });
  // The local runtime's embedded catalog, unless a test points API_URL at a store API.
  const consumer = buildConsumer(env, quietTelemetry(), { catalog: env.API_URL === undefined ? embeddedCatalog() : undefined });
  const context = (): Context => createLambdaContext({ functionName: 'consumer', timeoutMs: 60_000, memoryMb: 512 });
  return {
    table,
    graph,
    consumer,
    invoke: (records) => consumer.handler(sqsEvent(records), context()),
    invokeWith: (records, custom) => consumer.handler(sqsEvent(records), custom),
    sentTo: (waId) => graph.outbound.filter((record) => record.to === waId).map((record) => record.body as Record<string, unknown>),
    s3,
    close: async () => {
      await graph.close();
      await table.close();
      await s3.close();
    },
  };
}
