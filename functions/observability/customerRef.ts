import { createHmac } from 'node:crypto';

/** Until an invocation has loaded the app secret; only `npm start` and tests ever use it. */
const UNCONFIGURED_KEY = 'zeta-local-pseudonyms';

let key = UNCONFIGURED_KEY;

/**
 * Keys the pseudonyms with the WhatsApp app secret (derived, so the secret
 * itself is never the key): +7 numbers are few enough to hash them all, so a
 * pseudonym must need a secret to compute. Rotating the app secret starts new
 * pseudonyms from then on.
 */
export function configureCustomerRef(appSecret: string): void {
  key = createHmac('sha256', appSecret).update('zeta/customer-ref').digest('hex');
}

/**
 * A stable pseudonym for a customer in logs, metrics, the cost ledger and
 * staged-media keys, so that no phone number is ever written in clear.
 */
export function customerRef(waId: string): string {
  return createHmac('sha256', key).update(waId).digest('hex').slice(0, 16);
}
