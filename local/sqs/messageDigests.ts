import { createHash } from 'node:crypto';
import type { MessageAttributes } from './fifoQueue';

const STRING_TRANSPORT = 1;
const BINARY_TRANSPORT = 2;

/** The SDK recomputes this over what it sent and received and rejects the call on a mismatch. */
export function md5OfMessageBody(body: string): string {
  return createHash('md5').update(body, 'utf8').digest('hex');
}

/**
 * SQS's documented digest of message attributes: names sorted, each of name, data type
 * and value length-prefixed (4-byte big-endian), with a transport byte before the value.
 */
export function md5OfMessageAttributes(attributes: MessageAttributes): string | undefined {
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const hash = createHash('md5');
  for (const name of names) {
    const attribute = attributes[name]!;
    hash.update(lengthPrefixed(Buffer.from(name, 'utf8')));
    hash.update(lengthPrefixed(Buffer.from(attribute.dataType, 'utf8')));
    if (attribute.binaryValue !== undefined) {
      hash.update(Uint8Array.of(BINARY_TRANSPORT));
      hash.update(lengthPrefixed(attribute.binaryValue));
    } else {
      hash.update(Uint8Array.of(STRING_TRANSPORT));
      hash.update(lengthPrefixed(Buffer.from(attribute.stringValue ?? '', 'utf8')));
    }
  }
  return hash.digest('hex');
}

function lengthPrefixed(bytes: Uint8Array): Buffer {
  const prefixed = Buffer.alloc(4 + bytes.byteLength);
  prefixed.writeUInt32BE(bytes.byteLength, 0);
  prefixed.set(bytes, 4);
  return prefixed;
}
