import type OpenAI from 'openai';
import type { AiUsageBooking } from '../../domain/assistant/aiUsage';
import { chatUsage } from './chatUsage';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion, ChatCompletionContentPart } from 'openai/resources/chat/completions';
import * as z from 'zod';
import { CATEGORIES, COLORS, STYLES } from '../../domain/catalog/product';
import type { MediaSource } from '../../domain/media/mediaSource';
import type { Photo, PhotoDescription, PhotoDescriptions } from '../../domain/media/photoDescriptions';
import type { Customer } from '../../domain/whatsapp/inboundMessage';

export interface OpenAiPhotoDescriptionsOptions {
  client: OpenAI;
  /** A vision model: OPENAI_MODEL, gpt-4o-mini. */
  model: string;
  source: MediaSource;
  maxBytes: number;
  /** Books every completion as it comes back, an unusable answer's too. */
  book?: AiUsageBooking;
}

/** What the model must answer, enforced by the API (strict JSON schema) and checked again here. */
export const photoAnswerSchema = z.object({
  is_furniture: z.boolean(),
  category: z.enum(CATEGORIES).nullable(),
  color: z.enum(COLORS).nullable(),
  style: z.enum(STYLES).nullable(),
  keywords: z.array(z.string()),
});

export type UnusableAnswerReason = 'no_answer' | 'refusal' | 'truncated' | 'invalid_json' | 'schema_mismatch';

const PHOTO_FORMAT = zodResponseFormat(photoAnswerSchema, 'photo_description');

const INSTRUCTIONS = [
  'A customer of ZETA, a furniture store in Kazakhstan, sent this photo on WhatsApp to find something similar in the catalog.',
  'is_furniture: whether the photo shows a piece of furniture of a kind the store sells (the categories below).',
  'category, color, style: the main piece of furniture, from the allowed values only; null when unsure or not furniture.',
  'keywords: at most 4 short Russian words (lowercase) for a catalog search, about shape, material or upholstery, e.g. "угловой", "велюр", "раскладной"; empty when not furniture.',
  'Describe the furniture only: never people, faces, documents or text seen in the photo.',
].join('\n');

const MAX_KEYWORDS = 4;
// A filled answer is about 60 tokens; the cap stops a runaway answer from costing more.
const MAX_ANSWER_TOKENS = 150;
/** What the vision API takes; WhatsApp sends photos as JPEG or PNG. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/**
 * A photo's furniture as catalog attributes, by a vision model. The image
 * goes at detail "low": a fixed 512 px view of 2,833 tokens for gpt-4o-mini,
 * where "high" bills about 25,500 for a 1024 px photo, and is plenty to tell
 * a corner sofa from a bed.
 */
export class OpenAiPhotoDescriptions implements PhotoDescriptions {
  constructor(private readonly options: OpenAiPhotoDescriptionsOptions) {}

  async describe(customer: Customer, photo: Photo): Promise<PhotoDescription> {
    const { client, model, source, maxBytes } = this.options;
    const fetched = await source.download(photo.mediaId, { maxBytes });
    if (fetched.kind === 'too_large') return { kind: 'too_large', sizeBytes: fetched.sizeBytes, limitBytes: maxBytes };
    const type = fetched.mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
    // Not a picture the model can see: answered like having no vision, from the caption.
    if (!IMAGE_TYPES.has(type)) return { kind: 'unavailable' };

    const caption = photo.caption?.trim();
    const content: ChatCompletionContentPart[] = [
      ...(caption ? [{ type: 'text' as const, text: `Подпись клиента к фото: ${caption}` }] : []),
      {
        type: 'image_url',
        image_url: { url: `data:${type};base64,${Buffer.from(fetched.bytes).toString('base64')}`, detail: 'low' },
      },
    ];
    const completion = await client.chat.completions.create({
      model,
      messages: [
        { role: 'system', content: INSTRUCTIONS },
        { role: 'user', content },
      ],
      response_format: PHOTO_FORMAT,
      temperature: 0,
      max_completion_tokens: MAX_ANSWER_TOKENS,
    });
    const usage = completion.usage ? chatUsage(model, completion.usage) : undefined;
    if (usage) await this.options.book?.(customer.waId, usage);
    const answer = readAnswer(completion);
    // The same photo at temperature 0 gets the same answer: asking again would only cost more.
    if (typeof answer === 'string') return { kind: 'unusable', reason: answer, ...(usage ? { usage } : {}) };
    if (!answer.is_furniture) return { kind: 'not_furniture', ...(usage ? { usage } : {}) };
    const keywords = answer.keywords
      .map((word) => word.trim())
      .filter(Boolean)
      .slice(0, MAX_KEYWORDS)
      .join(' ');
    return {
      kind: 'furniture',
      ...(answer.category ? { category: answer.category } : {}),
      ...(answer.color ? { color: answer.color } : {}),
      ...(answer.style ? { style: answer.style } : {}),
      ...(keywords ? { keywords } : {}),
      ...(usage ? { usage } : {}),
    };
  }
}

/** The model's answer, or why it cannot be used. */
function readAnswer(completion: ChatCompletion): z.infer<typeof photoAnswerSchema> | UnusableAnswerReason {
  const choice = completion.choices[0];
  if (choice === undefined) return 'no_answer';
  if (choice.message.refusal) return 'refusal';
  if (choice.finish_reason === 'length') return 'truncated';
  let json: unknown;
  try {
    json = JSON.parse(choice.message.content ?? '');
  } catch {
    return 'invalid_json';
  }
  const parsed = photoAnswerSchema.safeParse(json);
  return parsed.success ? parsed.data : 'schema_mismatch';
}
