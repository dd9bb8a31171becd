import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyResultV2, Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { Environment } from '../functions/config/environment';
import type { Product } from '../functions/domain/catalog/product';
import type { CatalogReader } from '../functions/domain/conversation/ports';
import type { ScheduledInvocations } from './scheduledJobs';

export type ConsumerLambda = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** What differs between running the handlers in-process and running the deployed stack. */
export interface RuntimeFunctions {
  names: { table: string; bucket: string; queue: string; deadLetterQueue: string; region: string; accountId: string };
  tableDefinition?: Record<string, unknown>;
  queue: { visibilityTimeoutSeconds: number; maxReceiveCount: number; deduplicationScope: 'queue' | 'messageGroup' };
  mapping: { batchSize: number; maximumConcurrency: number; timeoutMs: number; memoryMb: number; functionName: string };
  /** WhatsApp's side: the business number, the account, the token and app secret Meta and the functions share. */
  whatsapp: { phoneNumberId: string; wabaId: string; graphApiVersion: string; accessToken: string; appSecret: string };
  /** The environment the simulator's tools (staff panel, cost ledger) read the table with. */
  toolsEnv: Environment;
  /** The catalog the functions read, as the simulator shows it. */
  catalog: CatalogReader;
  /** Prices the simulator may change, when the functions read them from a place it controls. */
  editablePrices: EditablePrices | undefined;
  webhook(request: IncomingMessage, body: Buffer, path: string): Promise<APIGatewayProxyResultV2 | undefined>;
  consumer: ConsumerLambda;
  scheduled: ScheduledInvocations;
  /** Routes of the deployed stack only (/secretsmanager, /store-api, /sim/api/aws/…). */
  extraRoutes(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean>;
  stop(): Promise<void>;
}

/** The simulator's price panel: what it changes reaches the functions as a change of the store's prices would. */
export interface EditablePrices {
  get(productId: string): Promise<Product | undefined>;
  replacePrices(prices: Record<string, number>): void | Promise<void>;
}

export interface StartedServers {
  origin: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
}

/** WhatsApp's side of a run, from the consumer's environment and the app's secrets. */
export function whatsappSettings(
  env: Environment,
  secrets: { accessToken: string | undefined; appSecret: string | undefined },
): RuntimeFunctions['whatsapp'] {
  return {
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
    wabaId: env.WHATSAPP_BUSINESS_ACCOUNT_ID,
    graphApiVersion: env.GRAPH_API_VERSION,
    accessToken: secrets.accessToken ?? '',
    appSecret: secrets.appSecret ?? '',
  };
}
