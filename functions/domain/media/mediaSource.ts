/** A customer's media file, or the news that it is over the cap (then it was not, or not fully, downloaded). */
export type FetchedMedia = { kind: 'media'; bytes: Uint8Array; mimeType: string } | { kind: 'too_large'; sizeBytes: number };

/**
 * Where customers' media comes from: the WhatsApp Cloud API. Stops as early as
 * it can once the file is known to be over `maxBytes`. Network and API
 * failures are thrown.
 */
export interface MediaSource {
  download(mediaId: string, limits: { maxBytes: number }): Promise<FetchedMedia>;
}
