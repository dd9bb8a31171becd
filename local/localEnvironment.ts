import { LOCAL_SECRET_DEFAULTS } from '../functions/config/secrets';

export const LOCAL_NAMES = {
  table: 'zeta-local',
  bucket: 'zeta-media-local',
  queue: 'zeta-inbound.fifo',
  deadLetterQueue: 'zeta-inbound-dlq.fifo',
  region: 'us-east-1',
  phoneNumberId: '100000000000001',
  wabaId: '200000000000001',
  graphApiVersion: 'v26.0',
} as const;

export interface LocalEndpoints {
  origin: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
}

/**
 * The environment the Lambda handlers read at import, pointed at the local
 * servers. Values the developer already set win (an OpenAI key, a log level),
 * and the local contract's secrets apply only when unset.
 */
export function localEnvironment(endpoints: LocalEndpoints, current: NodeJS.ProcessEnv): Record<string, string> {
  const defaults: Record<string, string> = {
    WHATSAPP_APP_SECRET: LOCAL_SECRET_DEFAULTS.whatsappAppSecret,
    WHATSAPP_VERIFY_TOKEN: LOCAL_SECRET_DEFAULTS.whatsappVerifyToken,
    WHATSAPP_TOKEN: LOCAL_SECRET_DEFAULTS.whatsappAccessToken,
    WHATSAPP_PHONE_NUMBER_ID: LOCAL_NAMES.phoneNumberId,
    WHATSAPP_BUSINESS_ACCOUNT_ID: LOCAL_NAMES.wabaId,
    GRAPH_API_VERSION: LOCAL_NAMES.graphApiVersion,
    LOG_LEVEL: 'WARN',
    // A developer may point a real WhatsApp number at a local run (README).
    GRAPH_API_BASE_URL: `${endpoints.origin}/graph`,
    CATALOG_IMAGE_BASE_URL: `${endpoints.origin}/catalog/`,
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
  const forced: Record<string, string> = {
    STAGE: 'local',
    SECRETS_ID: '',
    AWS_REGION: LOCAL_NAMES.region,
    // s3rver accepts only its own key pair; dynalite and the in-process SQS and Scheduler accept any.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    TABLE_NAME: LOCAL_NAMES.table,
    DYNAMODB_ENDPOINT: endpoints.dynamoEndpoint,
    MEDIA_BUCKET: LOCAL_NAMES.bucket,
    S3_ENDPOINT: endpoints.s3Endpoint,
    SQS_ENDPOINT: `${endpoints.origin}/sqs`,
    QUEUE_URL: `${endpoints.origin}/sqs/000000000000/${LOCAL_NAMES.queue}`,
    SCHEDULER_ENDPOINT: `${endpoints.origin}/scheduler`,
    FOLLOW_UP_GROUP: 'zeta-local-followups',
    FOLLOW_UP_TARGET_ARN: `arn:aws:lambda:${LOCAL_NAMES.region}:000000000000:function:zeta-local-alert-checker`,
    FOLLOW_UP_ROLE_ARN: 'arn:aws:iam::000000000000:role/zeta-local-scheduler',
  };
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(defaults)) result[name] = current[name]?.trim() ? (current[name] as string) : value;
  return { ...result, ...forced };
}
