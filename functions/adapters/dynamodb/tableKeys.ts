/**
 * The single table's key layout. Everything about one customer lives under
 * one partition, so "forget me" is one query and the reads of a turn are two.
 *
 *   pk C#<waId>  sk PROFILE              profile, language, preferences
 *   pk C#<waId>  sk MSG#<ms>#<id>        conversation memory (TTL)
 *   pk C#<waId>  sk OUT#<wamid>          what we sent and its delivery state (TTL)
 *   pk C#<waId>  sk PROGRESS#<id>        answers of a failed turn already sent, for its retry (TTL)
 *   pk C#<waId>  sk ALERT#<productId>    price alerts (byProduct index: gsi1pk PRODUCT#<productId>)
 *   pk C#<waId>  sk ORDER#<wamid>        carts the customer sent from the catalog, priced (TTL)
 *   pk IDEMPOTENCY sk consumer#<hash>    processed WhatsApp message ids (Powertools, TTL ≥ 8 days)
 *   pk TEMPLATE#<name> sk LANG#<lang>    the category Meta last reported for a template (routes marketing sends)
 *   pk ID#<phone or BSUID>  sk ID        the customer key (<waId> above) that identifier belongs to
 */
export const customerPk = (waId: string): string => `C#${waId}`;
export const PROFILE_SK = 'PROFILE';
export const MEMORY_PREFIX = 'MSG#';
export const OUTBOUND_PREFIX = 'OUT#';
export const IDEMPOTENCY_PK = 'IDEMPOTENCY';
export const templatePk = (name: string): string => `TEMPLATE#${name}`;
export const templateSk = (language: string): string => `LANG#${language}`;
export const identityPk = (identifier: string): string => `ID#${identifier}`;
export const IDENTITY_SK = 'ID';

export const memorySk = (at: number, id: string): string => `${MEMORY_PREFIX}${String(at).padStart(13, '0')}#${id}`;
export const progressSk = (turnId: string): string => `PROGRESS#${turnId}`;
export const outboundSk = (messageId: string): string => `${OUTBOUND_PREFIX}${messageId}`;

export const DAY_SECONDS = 86_400;

export function ttlAfterDays(nowMs: number, days: number): number {
  return Math.floor(nowMs / 1000) + days * DAY_SECONDS;
}

/** DynamoDB deletes expired items up to days late; reads must not serve them. */
export function isLive(item: { ttl?: unknown } | undefined, nowMs: number): boolean {
  if (item === undefined) return false;
  return typeof item.ttl !== 'number' || item.ttl * 1000 > nowMs;
}
