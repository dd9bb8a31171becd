import type { FetchedMedia, MediaSource } from '../../domain/media/mediaSource';
import type { GraphClient } from '../whatsapp/graphClient';
import { MediaTooLargeError } from '../whatsapp/graphErrors';

/**
 * Customers' media from the Cloud API: the media id gives a short-lived URL,
 * downloaded at once with the bearer token. A size the API declares is
 * checked before any byte is downloaded; otherwise the download is cut at the cap.
 */
export class GraphMediaSource implements MediaSource {
  constructor(private readonly graph: () => Promise<GraphClient>) {}

  async download(mediaId: string, limits: { maxBytes: number }): Promise<FetchedMedia> {
    const client = await this.graph();
    const info = await client.getMedia(mediaId);
    if (info.fileSize !== undefined && info.fileSize > limits.maxBytes) return { kind: 'too_large', sizeBytes: info.fileSize };
    try {
      const { bytes } = await client.downloadMedia(info.url, { maxBytes: limits.maxBytes });
      return { kind: 'media', bytes, mimeType: info.mimeType };
    } catch (error) {
      if (error instanceof MediaTooLargeError) return { kind: 'too_large', sizeBytes: error.sizeBytes };
      throw error;
    }
  }
}
