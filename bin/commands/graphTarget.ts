import { parseEnvironment } from '../../functions/config/environment';
import { LOCAL_SECRET_DEFAULTS } from '../../functions/config/secrets';
import { GraphClient } from '../../functions/adapters/whatsapp/graphClient';

export const GRAPH_OPTIONS = {
  local: { type: 'string' as const },
};

export const GRAPH_HELP = [
  'Targets the WhatsApp Business Account of WHATSAPP_BUSINESS_ACCOUNT_ID with WHATSAPP_TOKEN',
  '(GRAPH_API_BASE_URL, GRAPH_API_VERSION). With --local URL (e.g. http://127.0.0.1:3000) it talks',
  "to a running `zeta start`'s Graph API stand-in instead.",
].join('\n');

/** The Graph API a CLI command talks to: Meta's with the account's token, or a local stand-in. */
export function graphTarget(local: string | undefined): { graph: GraphClient; wabaId: string } {
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
  if (env.WHATSAPP_TOKEN === undefined) throw new Error('WHATSAPP_TOKEN is not set (or use --local URL)');
  return {
    graph: new GraphClient({
      baseUrl: env.GRAPH_API_BASE_URL,
      apiVersion: env.GRAPH_API_VERSION,
      accessToken: env.WHATSAPP_TOKEN,
      phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
    }),
    wabaId: env.WHATSAPP_BUSINESS_ACCOUNT_ID,
  };
}
