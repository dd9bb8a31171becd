import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidSignature, signBody } from '../../functions/webhook/signature';

const secret = 'app-secret';
const cyrillicWithEmoji = '{"text":{"body":"Хочу серый диван 🛋️ до 300 000 ₸"}}';

describe('X-Hub-Signature-256', () => {
  it('accepts the HMAC-SHA256 of the exact bytes, Cyrillic and emoji included', () => {
    const raw = Buffer.from(cyrillicWithEmoji, 'utf8');
    const header = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    expect(isValidSignature(raw, header, secret)).toBe(true);
  });

  it('rejects the signature of a re-serialised body (escaped Unicode is other bytes)', () => {
    const raw = Buffer.from(cyrillicWithEmoji, 'utf8');
    const reserialised = Buffer.from(
      JSON.stringify(JSON.parse(cyrillicWithEmoji)).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      ),
    );
    expect(reserialised.equals(raw)).toBe(false);
    expect(isValidSignature(reserialised, signBody(raw, secret), secret)).toBe(false);
  });

  it('rejects a missing, empty, malformed or wrongly prefixed header', () => {
    const raw = Buffer.from('{}');
    const good = signBody(raw, secret);
    expect(isValidSignature(raw, undefined, secret)).toBe(false);
    expect(isValidSignature(raw, '', secret)).toBe(false);
    expect(isValidSignature(raw, good.replace('sha256=', 'sha1='), secret)).toBe(false);
    expect(isValidSignature(raw, `${good.slice(0, -2)}`, secret)).toBe(false);
    expect(isValidSignature(raw, `${good.slice(0, -1)}z`, secret)).toBe(false);
  });

  it('rejects a signature made with another secret, and accepts upper-case hex', () => {
    const raw = Buffer.from('{"a":1}');
    expect(isValidSignature(raw, signBody(raw, 'other'), secret)).toBe(false);
    expect(isValidSignature(raw, `sha256=${signBody(raw, secret).slice(7).toUpperCase()}`, secret)).toBe(true);
  });
});
