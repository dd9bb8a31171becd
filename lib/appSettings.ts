import * as z from 'zod';
import { environmentSchema, type Environment } from '../functions/config/environment';
import type { LambdaName } from './lambdaBundling';

/**
 * Where each variable of the functions' environment (functions/config/environment.ts)
 * comes from in AWS. `satisfies Record<keyof Environment, …>` makes a new
 * variable a compile error here until it has a deploy story:
 * - `stack`: the stack sets it from its own resources (table name, queue URL…);
 * - `lambda`: the Lambda runtime sets it (AWS_REGION);
 * - `secret`: only ever in the Secrets Manager secret, never in the template;
 * - `setting`: DevOps set it at deploy, as the CDK context key of APP_SETTINGS;
 * - `local`: only meaningful on one machine (endpoints of local servers, a local ffmpeg).
 */
export const VARIABLE_SOURCES = {
  STAGE: 'stack',
  AWS_REGION: 'lambda',
  WHATSAPP_APP_SECRET: 'secret',
  WHATSAPP_VERIFY_TOKEN: 'secret',
  WHATSAPP_TOKEN: 'secret',
  OPENAI_API_KEY: 'secret',
  BITRIX24_WEBHOOK_URL: 'secret',
  WHATSAPP_PHONE_NUMBER_ID: 'setting',
  WHATSAPP_BUSINESS_ACCOUNT_ID: 'setting',
  GRAPH_API_BASE_URL: 'setting',
  GRAPH_API_VERSION: 'setting',
  SECRETS_ID: 'stack',
  SECRETS_CACHE_SECONDS: 'setting',
  QUEUE_URL: 'stack',
  SQS_ENDPOINT: 'local',
  TABLE_NAME: 'stack',
  DYNAMODB_ENDPOINT: 'local',
  MEDIA_BUCKET: 'stack',
  S3_ENDPOINT: 'local',
  API_URL: 'setting',
  CATALOG_BUCKET: 'stack',
  CATALOG_KEY: 'stack',
  CATALOG_IMAGE_BASE_URL: 'stack',
  CATALOG_CACHE_SECONDS: 'setting',
  OPENAI_BASE_URL: 'setting',
  OPENAI_MODEL: 'setting',
  AI_ROUTING: 'setting',
  OPENAI_TIMEOUT_MS: 'setting',
  FOLLOW_UP_GROUP: 'stack',
  FOLLOW_UP_TARGET_ARN: 'stack',
  FOLLOW_UP_ROLE_ARN: 'stack',
  FOLLOW_UP_DEAD_LETTER_ARN: 'stack',
  SCHEDULER_ENDPOINT: 'local',
  VOICE_MAX_BYTES: 'setting',
  VOICE_MAX_SECONDS: 'setting',
  PHOTO_MAX_BYTES: 'setting',
  TRANSCRIBE_MODEL: 'setting',
  FFMPEG_BIN: 'local',
  MANAGER_WA_ID: 'setting',
  MANAGER_NAME: 'setting',
  MANAGER_HOURS: 'setting',
  MANAGER_DAYS: 'setting',
  HANDOFF_TIMEOUT_HOURS: 'setting',
  RATE_LIMIT_PER_MINUTE: 'setting',
  RATE_LIMIT_PER_DAY: 'setting',
  AI_DAILY_BUDGET_USD: 'setting',
  AI_CUSTOMER_DAILY_BUDGET_USD: 'setting',
  QUEUE_MAX_RECEIVE_COUNT: 'stack',
  WEBHOOK_MAX_BODY_BYTES: 'setting',
  COST_LEDGER: 'stack',
  IDEMPOTENCY_DAYS: 'setting',
  MEMORY_DAYS: 'setting',
} as const satisfies Record<keyof Environment, 'stack' | 'lambda' | 'secret' | 'setting' | 'local'>;

type SettingVariable = {
  [V in keyof typeof VARIABLE_SOURCES]: (typeof VARIABLE_SOURCES)[V] extends 'setting' ? V : never;
}[keyof typeof VARIABLE_SOURCES];

interface AppSetting {
  readonly variable: SettingVariable;
  /** The functions that read it: only they get the variable. */
  readonly readBy: readonly LambdaName[];
}

const SENDERS = ['consumer', 'alertChecker'] as const satisfies readonly LambdaName[];
/** The webhook ignores deliveries for any other number, so it must know ours. */
const NUMBER_READERS = ['webhook', ...SENDERS] as const satisfies readonly LambdaName[];
const SECRET_READERS = ['webhook', 'consumer', 'alertChecker'] as const satisfies readonly LambdaName[];
/** The catalog pictures are drawn from the catalog's products, wherever it lives. */
const CATALOG_READERS = [...SENDERS, 'catalogImages'] as const satisfies readonly LambdaName[];

/**
 * The app's own settings, each a CDK context key (`-c managerWaId=7701…`, or
 * cdk.json / cdk.context.json) that becomes the variable of the functions that
 * read it. They live in the template, so a deploy sets them and the next
 * deploy keeps them; nothing is edited by hand in the Lambda console. Values
 * are checked at synth by the same schema the functions parse at cold start.
 */
export const APP_SETTINGS = {
  whatsappPhoneNumberId: { variable: 'WHATSAPP_PHONE_NUMBER_ID', readBy: NUMBER_READERS },
  whatsappBusinessAccountId: { variable: 'WHATSAPP_BUSINESS_ACCOUNT_ID', readBy: SENDERS },
  graphApiBaseUrl: { variable: 'GRAPH_API_BASE_URL', readBy: SENDERS },
  graphApiVersion: { variable: 'GRAPH_API_VERSION', readBy: SENDERS },
  secretsCacheSeconds: { variable: 'SECRETS_CACHE_SECONDS', readBy: SECRET_READERS },
  apiUrl: { variable: 'API_URL', readBy: CATALOG_READERS },
  catalogCacheSeconds: { variable: 'CATALOG_CACHE_SECONDS', readBy: CATALOG_READERS },
  openaiBaseUrl: { variable: 'OPENAI_BASE_URL', readBy: ['consumer'] },
  openaiModel: { variable: 'OPENAI_MODEL', readBy: ['consumer'] },
  aiRouting: { variable: 'AI_ROUTING', readBy: ['consumer'] },
  openaiTimeoutMs: { variable: 'OPENAI_TIMEOUT_MS', readBy: ['consumer'] },
  transcribeModel: { variable: 'TRANSCRIBE_MODEL', readBy: ['consumer'] },
  voiceMaxBytes: { variable: 'VOICE_MAX_BYTES', readBy: ['consumer'] },
  voiceMaxSeconds: { variable: 'VOICE_MAX_SECONDS', readBy: ['consumer'] },
  photoMaxBytes: { variable: 'PHOTO_MAX_BYTES', readBy: ['consumer'] },
  aiDailyBudgetUsd: { variable: 'AI_DAILY_BUDGET_USD', readBy: ['consumer'] },
  aiCustomerDailyBudgetUsd: { variable: 'AI_CUSTOMER_DAILY_BUDGET_USD', readBy: ['consumer'] },
  rateLimitPerMinute: { variable: 'RATE_LIMIT_PER_MINUTE', readBy: ['consumer'] },
  rateLimitPerDay: { variable: 'RATE_LIMIT_PER_DAY', readBy: ['consumer'] },
  managerWaId: { variable: 'MANAGER_WA_ID', readBy: ['consumer'] },
  managerName: { variable: 'MANAGER_NAME', readBy: ['consumer'] },
  managerHours: { variable: 'MANAGER_HOURS', readBy: ['consumer'] },
  managerDays: { variable: 'MANAGER_DAYS', readBy: ['consumer'] },
  handoffTimeoutHours: { variable: 'HANDOFF_TIMEOUT_HOURS', readBy: ['consumer'] },
  webhookMaxBodyBytes: { variable: 'WEBHOOK_MAX_BODY_BYTES', readBy: ['webhook'] },
  idempotencyDays: { variable: 'IDEMPOTENCY_DAYS', readBy: ['consumer'] },
  memoryDays: { variable: 'MEMORY_DAYS', readBy: SENDERS },
} as const satisfies Record<string, AppSetting>;

export type AppSettingKey = keyof typeof APP_SETTINGS;
export type AppSettingValues = Partial<Record<AppSettingKey, string>>;

/**
 * A context value (a string from `-c`, or a number from cdk.json) kept as the
 * string the function will read, once the function's own schema accepts it.
 */
function settingValue(variable: SettingVariable) {
  const schema = environmentSchema.shape[variable];
  return z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim())
    .superRefine((value, context) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) context.addIssue({ code: 'custom', message: parsed.error.issues.map((issue) => issue.message).join('; ') });
    })
    .optional();
}

export const appSettingsShape = Object.fromEntries(
  Object.entries(APP_SETTINGS).map(([key, setting]) => [key, settingValue(setting.variable)]),
) as { [K in AppSettingKey]: ReturnType<typeof settingValue> };

/** The variables one function gets from the settings that were given. */
export function appSettingsEnvironment(values: AppSettingValues, fn: LambdaName): Partial<Record<SettingVariable, string>> {
  const environment: Partial<Record<SettingVariable, string>> = {};
  for (const [key, setting] of Object.entries(APP_SETTINGS) as Array<[AppSettingKey, AppSetting]>) {
    const value = values[key];
    if (value !== undefined && value !== '' && setting.readBy.includes(fn)) environment[setting.variable] = value;
  }
  return environment;
}
