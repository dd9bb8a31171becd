import { parseEnvironment } from '../../functions/config/environment';
import { createSecretsLoader, LOCAL_SECRET_DEFAULTS } from '../../functions/config/secrets';
import { fetchSecretFromSecretsManager } from '../../functions/adapters/secretsManagerFetcher';
import { GraphClient } from '../../functions/adapters/whatsapp/graphClient';

export const GRAPH_OPTIONS = {
  local: { type: 'string' as const },
  secret: { type: 'string' as const },
};

export const GRAPH_HELP = [
  'Targets the WhatsApp Business Account of WHATSAPP_BUSINESS_ACCOUNT_ID (GRAPH_API_BASE_URL,',
  'GRAPH_API_VERSION) with the access token of the deployed stack: --secret <AppSecretName> reads',
  'WHATSAPP_TOKEN from that Secrets Manager secret with your AWS credentials (AWS_REGION), so the',
  'token never has to be copied into a shell; without --secret, WHATSAPP_TOKEN from the environment.',
  "With --local URL (e.g. http://127.0.0.1:3000) it talks to a running `zeta start`'s Graph API stand-in.",
].join('\n');

/** The Graph API a CLI command talks to: Meta's with the account's token (from the deployed secret or the environment), or a local stand-in. */
export async function graphTarget(options: {
  local?: string | undefined;
  secret?: string | undefined;
}): Promise<{ graph: GraphClient; wabaId: string }> {
  const { local, secret } = options;
  const env = parseEnvironment();
  if (local !== undefined) {
    return {
      graph: new GraphClient({
        baseUrl: `${local.replace(/\/+$/, '')}/graph`,
        apiVersion: env.GRAPH_API_VERSION,
        accessToken: env.WHATSAPP_TOKEN ?? LOCAL_SECRET_DEFAULTS.whatsappAccessToken,
        phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
      }),
      wabaId: env.WHATSAPP_BUSINESS_ACCOUNT_ID,
    };
  }
  const accessToken =
    secret === undefined
      ? env.WHATSAPP_TOKEN
      : (await createSecretsLoader({ ...env, SECRETS_ID: secret }, fetchSecretFromSecretsManager)()).whatsappAccessToken;
  if (accessToken === undefined) throw new Error('WHATSAPP_TOKEN is not set (use --secret <AppSecretName>, or --local URL)');
  return {
    graph: new GraphClient({
      baseUrl: env.GRAPH_API_BASE_URL,
      apiVersion: env.GRAPH_API_VERSION,
      accessToken,
      phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
    }),
    wabaId: env.WHATSAPP_BUSINESS_ACCOUNT_ID,
  };
}
