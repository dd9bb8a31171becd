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

/**
 * The cost ledger's pseudonym for a customer: keyed like customerRef, and
 * salted with a random value kept on the customer's profile. The ledger keeps
 * its rows 13 months; once "forget me" erases the profile the salt is gone,
 * and no one — holding the number and the key or not — can tell which rows
 * were theirs. A customer who comes back gets a new salt.
 */
export function ledgerCustomerRef(salt: string): string {
  return createHmac('sha256', key).update(`ledger#${salt}`).digest('hex').slice(0, 16);
}
