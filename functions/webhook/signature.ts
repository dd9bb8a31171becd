import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_PREFIX = 'sha256=';
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Meta signs the exact bytes it sent with the app secret (HMAC-SHA256, hex).
 * The check must run over the raw body: re-serialising parsed JSON changes
 * escapes of Cyrillic and emoji and breaks the signature.
 */
export function isValidSignature(rawBody: Buffer, signatureHeader: string | undefined, appSecret: string): boolean {
  if (signatureHeader === undefined || !signatureHeader.startsWith(SIGNATURE_PREFIX)) return false;
  const received = signatureHeader.slice(SIGNATURE_PREFIX.length).trim();
  if (!HEX_SHA256.test(received)) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(received, 'hex'));
}

export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}
