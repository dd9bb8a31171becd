import * as z from 'zod/mini';
import { IN_ENGLISH } from '../validation/issueMessages';

/**
 * Environment variables shared by every function. Parsed once per cold start;
 * a missing or malformed variable fails the cold start loudly instead of
 * surfacing later as an odd runtime error.
 */
const trimmedOrUnset = z.pipe(
  z.string().check(z.trim()),
  z.transform((value) => (value === '' ? undefined : value)),
);

const optionalString = z.optional(trimmedOrUnset);

/** `schema` for a variable that may be unset or blank. */
const optionalOf = (schema: z.ZodMiniType<string, string>) => z.optional(z.pipe(trimmedOrUnset, z.optional(schema)));

const optionalUrl = optionalOf(z.url());

const positiveInt = (fallback: number) => z._default(z.coerce.number().check(z.int(), z.positive()), fallback);

const MEGABYTE = 1024 * 1024;

/** Speech-to-text models the voice pipeline knows how to call and price. */
export const TRANSCRIBE_MODELS = ['gpt-4o-mini-transcribe', 'gpt-4o-transcribe', 'whisper-1'] as const;

export const environmentSchema = z.object({
  STAGE: z._default(z.string(), 'local'),
  AWS_REGION: z._default(z.string(), 'us-east-1'),

  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: z._default(z.string(), '100000000000001'),
  WHATSAPP_BUSINESS_ACCOUNT_ID: z._default(z.string(), '200000000000001'),
  GRAPH_API_BASE_URL: z._default(z.url(), 'https://graph.facebook.com'),
  GRAPH_API_VERSION: z._default(z.string().check(z.regex(/^v\d+\.\d+$/, 'looks like v26.0')), 'v26.0'),

  /** Secrets Manager secret (name or ARN) holding the secret values as JSON; unset locally. */
  SECRETS_ID: optionalString,
  SECRETS_CACHE_SECONDS: positiveInt(300),

  QUEUE_URL: optionalString,
  SQS_ENDPOINT: optionalUrl,
  TABLE_NAME: z._default(z.string(), 'zeta'),
  DYNAMODB_ENDPOINT: optionalUrl,
  MEDIA_BUCKET: z._default(z.string(), 'zeta-media'),
  S3_ENDPOINT: optionalUrl,

  API_URL: optionalUrl,
  /** The catalog object the stack deploys (lib/constructs/catalogStore.ts); unset with API_URL, and locally. */
  CATALOG_BUCKET: optionalString,
  CATALOG_KEY: optionalString,
  CATALOG_IMAGE_BASE_URL: optionalUrl,
  CATALOG_CACHE_SECONDS: positiveInt(300),

  OPENAI_API_KEY: optionalString,
  /** Locally only: in AWS the Bitrix24 incoming-webhook URL (it carries an access code) is in the secret. */
  BITRIX24_WEBHOOK_URL: optionalUrl,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z._default(z.string(), 'gpt-4o-mini'),
  /**
   * `confident`: plain requests and the follow-ups the offline assistant resolves with confidence (an ordinal, a
   * refinement of the current search, a product or store question, thanks) are answered offline, the rest by the model;
   * `plain`: greetings and short searches naming a category only; `model`: every text by the model.
   */
  AI_ROUTING: z._default(z.enum(['confident', 'plain', 'model']), 'confident'),
  /** Per OpenAI request; unset, the client's own default (functions/adapters/openai/openAiClient.ts). Load tests shorten it. */
  OPENAI_TIMEOUT_MS: z.optional(z.coerce.number().check(z.int(), z.positive())),

  /** One-time follow-up schedules (EventBridge Scheduler); unset, no proactive follow-ups are sent. */
  FOLLOW_UP_GROUP: optionalString,
  FOLLOW_UP_TARGET_ARN: optionalString,
  FOLLOW_UP_ROLE_ARN: optionalString,
  /** Where EventBridge Scheduler puts a follow-up it could not deliver after its retries (an SQS queue ARN). */
  FOLLOW_UP_DEAD_LETTER_ARN: optionalString,
  SCHEDULER_ENDPOINT: optionalUrl,

  /** Voice notes and photos. Defaults follow WhatsApp's own caps (16 MB audio, 5 MB images); two minutes is plenty to ask for a sofa. */
  VOICE_MAX_BYTES: positiveInt(16 * MEGABYTE),
  VOICE_MAX_SECONDS: positiveInt(120),
  PHOTO_MAX_BYTES: positiveInt(5 * MEGABYTE),
  /** gpt-4o-mini-transcribe costs about half of whisper-1 per minute. */
  TRANSCRIBE_MODEL: z._default(z.enum(TRANSCRIBE_MODELS), 'gpt-4o-mini-transcribe'),
  /** An ffmpeg binary to use instead of looking for one (functions/adapters/media/ffmpegBinary.ts). */
  FFMPEG_BIN: optionalString,

  /** Manager handoff: who answers when a customer asks for a person, and when (Asia/Almaty). */
  MANAGER_WA_ID: optionalOf(
    z
      .string()
      .check(
        z.regex(
          /^(?:\d{6,15}|[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128})$/,
          'an international number, digits only, or a business-scoped user id',
        ),
      ),
  ),
  MANAGER_NAME: z._default(z.string(), 'Айгуль'),
  MANAGER_HOURS: z._default(z.string().check(z.regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'like 09:00-20:00')), '09:00-20:00'),
  /** ISO weekdays the managers work, 1 = Monday: "1-6" is Monday to Saturday. */
  MANAGER_DAYS: z._default(z.string().check(z.regex(/^[1-7]-[1-7]$/, 'like 1-6')), '1-6'),
  /** After this long without the manager releasing them, the bot answers the customer again. */
  HANDOFF_TIMEOUT_HOURS: positiveInt(24),

  /** Per customer: one polite notice when a limit is passed, then silence until the window passes. */
  RATE_LIMIT_PER_MINUTE: positiveInt(20),
  RATE_LIMIT_PER_DAY: positiveInt(300),
  /** Above this OpenAI spend per UTC day (tokens and audio, priced from data/pricing.json), the offline assistant answers. */
  AI_DAILY_BUDGET_USD: z._default(z.coerce.number().check(z.positive()), 10),
  /** One customer's share of a day's model calls: about 250 text turns, or a dozen minutes of voice notes. */
  AI_CUSTOMER_DAILY_BUDGET_USD: z._default(z.coerce.number().check(z.positive()), 0.1),

  /** The queue's redrive maxReceiveCount: on that delivery a failing turn apologises before going to the dead-letter queue. */
  QUEUE_MAX_RECEIVE_COUNT: positiveInt(5),

  WEBHOOK_MAX_BODY_BYTES: positiveInt(3 * 1024 * 1024),
  /**
   * Where an invocation's cost row goes: `table` (the ledger in the table), or
   * `logs` (a JSON log line the stack's subscription hands to the ledger
   * writer): the functions callers wait for keep the write off their answer.
   */
  COST_LEDGER: z._default(z.enum(['table', 'logs']), 'table'),
  IDEMPOTENCY_DAYS: positiveInt(8),
  MEMORY_DAYS: positiveInt(90),
});

export type Environment = z.infer<typeof environmentSchema>;

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export function parseEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const parsed = environmentSchema.safeParse(source, IN_ENGLISH);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
