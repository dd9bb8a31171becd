import type { AppSecrets } from '../../config/secrets';
import { GraphClient } from './graphClient';

export interface GraphSettings {
  baseUrl: string;
  apiVersion: string;
  phoneNumberId: string;
}

/** One Graph client per access token: rebuilt only when the secret rotates. */
export function graphClientCache(settings: GraphSettings, loadSecrets: () => Promise<AppSecrets>): () => Promise<GraphClient> {
  let cached: { token: string; client: GraphClient } | undefined;
  return async () => {
    const { whatsappAccessToken } = await loadSecrets();
    if (cached?.token !== whatsappAccessToken) {
      cached = { token: whatsappAccessToken, client: new GraphClient({ ...settings, accessToken: whatsappAccessToken }) };
    }
    return cached.client;
  };
}
