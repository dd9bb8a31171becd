/** A copy of a customer's media kept while its message is processed; expired by the bucket within a day. */
export interface StagedMedia {
  bytes: Uint8Array;
  contentType: string;
}

export interface MediaStaging {
  put(key: string, media: StagedMedia): Promise<void>;
  /** Undefined when nothing is staged under the key (first attempt, or already expired). */
  get(key: string): Promise<StagedMedia | undefined>;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'audio/3gpp': '3gp',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/webm': 'webm',
  'audio/flac': 'flac',
};

/** "audio/ogg; codecs=opus" → "ogg"; a type we do not know stages as "bin" (ffmpeg reads the content, not the name). */
export function extensionOf(mimeType: string): string {
  const essence = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  return EXTENSIONS[essence] ?? 'bin';
}

/** Every staged object lives under this prefix: the consumer's S3 grants are limited to it. */
export const STAGED_MEDIA_ROOT = 'voice';

/**
 * `voice/<customer ref>/<message id>.<ext>`: one prefix per customer, so that
 * forgetting a customer deletes one prefix, and a pseudonym rather than the
 * phone number, because object keys end up in logs and inventories.
 */
export function stagedMediaPrefix(customerRef: string): string {
  return `${STAGED_MEDIA_ROOT}/${customerRef}`;
}

export function stagedVoiceKey(customerRef: string, messageId: string, mimeType: string): string {
  return `${stagedMediaPrefix(customerRef)}/${encodeURIComponent(messageId)}.${extensionOf(mimeType)}`;
}
