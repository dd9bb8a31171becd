import * as z from 'zod/mini';
import { ConfigurationError, type Environment } from './environment';

/**
 * The values that must never sit in a template or a plain environment variable
 * in AWS. In Lambda they come from one Secrets Manager secret (JSON), fetched
 * through Powertools Parameters and cached for SECRETS_CACHE_SECONDS; locally
 * they come from the environment, with the local contract's defaults.
 */
export interface AppSecrets {
  whatsappAppSecret: string;
  whatsappVerifyToken: string;
  whatsappAccessToken: string;
  openaiApiKey?: string;
  bitrix24WebhookUrl?: string;
}

export const LOCAL_SECRET_DEFAULTS = {
  whatsappAppSecret: 'local-app-secret',
  whatsappVerifyToken: 'local-verify-token',
  whatsappAccessToken: 'local-token',
} as const;

const storedSecretSchema = z.object({
  WHATSAPP_APP_SECRET: z.string().check(z.minLength(1)),
  WHATSAPP_VERIFY_TOKEN: z.string().check(z.minLength(1)),
  WHATSAPP_TOKEN: z.string().check(z.minLength(1)),
  OPENAI_API_KEY: z.optional(z.string()),
  BITRIX24_WEBHOOK_URL: z.union([
    z.optional(z.url()),
    z.pipe(
      z.literal(''),
      z.transform(() => undefined),
    ),
  ]),
});

export type SecretFetcher = (secretId: string, maxAgeSeconds: number) => Promise<unknown>;

export function secretsFromEnvironment(env: Environment): AppSecrets {
  return {
    whatsappAppSecret: env.WHATSAPP_APP_SECRET ?? LOCAL_SECRET_DEFAULTS.whatsappAppSecret,
    whatsappVerifyToken: env.WHATSAPP_VERIFY_TOKEN ?? LOCAL_SECRET_DEFAULTS.whatsappVerifyToken,
    whatsappAccessToken: env.WHATSAPP_TOKEN ?? LOCAL_SECRET_DEFAULTS.whatsappAccessToken,
    openaiApiKey: env.OPENAI_API_KEY,
    bitrix24WebhookUrl: env.BITRIX24_WEBHOOK_URL,
  };
}

/**
 * Returns a function that resolves the secrets, from Secrets Manager when
 * SECRETS_ID is set and from the environment otherwise. The fetcher is passed
 * in so that this module stays free of the AWS SDK.
 */
export function createSecretsLoader(env: Environment, fetchSecret: SecretFetcher): () => Promise<AppSecrets> {
  const secretId = env.SECRETS_ID;
  if (secretId === undefined) {
    const local = secretsFromEnvironment(env);
    return async () => local;
  }
  return async () => {
    const raw = await fetchSecret(secretId, env.SECRETS_CACHE_SECONDS);
    const parsed = storedSecretSchema.safeParse(raw);
    if (!parsed.success) {
      throw new ConfigurationError(
        `Secret ${secretId} must be JSON with ${Object.keys(storedSecretSchema.shape).join(', ')}: ${parsed.error.issues
          .map((issue) => issue.path.join('.'))
          .join(', ')} invalid`,
      );
    }
    return {
      whatsappAppSecret: parsed.data.WHATSAPP_APP_SECRET,
      whatsappVerifyToken: parsed.data.WHATSAPP_VERIFY_TOKEN,
      whatsappAccessToken: parsed.data.WHATSAPP_TOKEN,
      openaiApiKey: parsed.data.OPENAI_API_KEY || undefined,
      bitrix24WebhookUrl: parsed.data.BITRIX24_WEBHOOK_URL,
    };
  };
}
