import { createHash } from 'node:crypto';

/**
 * A stable pseudonym for a customer in logs, metrics and the cost ledger, so
 * that no phone number is ever written in clear. Salted so that the hash of a
 * known number cannot be looked up in a precomputed table.
 */
export function customerRef(waId: string, salt: string = process.env.CUSTOMER_REF_SALT ?? 'zeta'): string {
  return createHash('sha256').update(`${salt}:${waId}`).digest('hex').slice(0, 16);
}
