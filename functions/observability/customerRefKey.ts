import type { MiddlewareObj } from '@middy/core';
import type { AppSecrets } from '../config/secrets';
import { configureCustomerRef } from './customerRef';

/** Before each invocation: pseudonyms keyed by the app secret (cached by the secrets loader, so this is cheap). */
export function customerRefKey(loadSecrets: () => Promise<AppSecrets>): MiddlewareObj {
  return {
    name: 'customerRefKey',
    before: async () => {
      configureCustomerRef((await loadSecrets()).whatsappAppSecret);
    },
  };
}
