import type { AiUsage } from '../assistant/aiUsage';
import type { Category, Color, Style } from '../catalog/product';
import type { Customer } from '../whatsapp/inboundMessage';

export interface Photo {
  mediaId: string;
  mimeType: string;
  caption?: string;
  messageId: string;
}

export type PhotoDescription =
  | {
      kind: 'furniture';
      category?: Category;
      color?: Color;
      style?: Style;
      /** Free words for the catalog search: "угловой", "велюр". */ keywords?: string;
      usage?: AiUsage;
    }
  /** The picture shows no furniture the store sells. */
  | { kind: 'not_furniture'; usage?: AiUsage }
  | { kind: 'too_large'; sizeBytes: number; limitBytes: number }
  /** The model answered, but nothing usable (a refusal, broken JSON): a permanent failure, asking again gets the same. */
  | { kind: 'unusable'; reason: string; usage?: AiUsage }
  /** No vision model configured: the caption alone has to do. */
  | { kind: 'unavailable' };

/** Describes a photo of furniture as catalog attributes (vision). Transient failures (network, 5xx) are thrown; permanent ones answered. */
export interface PhotoDescriptions {
  describe(customer: Customer, photo: Photo): Promise<PhotoDescription>;
}
