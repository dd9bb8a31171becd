import type { AssistantReply } from '../assistant/assistantReply';
import { textReply } from '../assistant/offlineAssistant';
import { searchReply } from '../assistant/searchReply';
import type { ProductFilters, ShoppingTools } from '../assistant/shoppingTools';
import { formatDuration, formatMegabytes } from '../media/mediaLimits';
import type { PhotoDescriptions } from '../media/photoDescriptions';
import type { Transcription, VoiceNotes } from '../media/voiceNotes';
import { withPrefix } from '../replies/messagePrefix';
import type { ImageUrlResolver } from '../replies/productMessages';
import { botText } from '../texts/botTexts';
import { understand } from '../understanding/understand';
import type { ContentOf } from '../whatsapp/inboundMessage';
import type { TurnInProgress } from './answerers/answerer';

type AudioContent = ContentOf<'audio'>;
type ImageContent = ContentOf<'image'>;

/** Intents after which the customer should see what the assistant heard in their voice note. */
const HEARD_MATTERS = new Set(['search', 'recommend', 'price_alert', 'manager', 'opt_out', 'forget_me']);
/** A photo says about as much about taste as opening a product does. */
const PHOTO_WEIGHT = 1;

/** What media answers use of the turn in progress: its language and a way to answer words like typed text. */
export type MediaTurn = Pick<TurnInProgress, 'customer' | 'language' | 'answerText' | 'learn' | 'used' | 'finalAttempt' | 'failed'>;

/**
 * Voice notes and photos: a note becomes words answered like typed text (with
 * "🎤 Вы сказали…" shown when it matters); a photo becomes catalog filters,
 * refined by its caption; limits and a missing AI get a clear answer.
 */
export class MediaAnswers {
  constructor(
    private readonly deps: { voice: VoiceNotes; photos: PhotoDescriptions; tools: ShoppingTools; imageUrlOf: ImageUrlResolver },
  ) {}

  async voice(content: AudioContent, messageId: string, turn: MediaTurn): Promise<AssistantReply> {
    const note = { mediaId: content.mediaId, mimeType: content.mimeType, voice: content.voice, messageId };
    const { language } = turn;
    let heard: Transcription;
    try {
      heard = await this.deps.voice.transcribe(turn.customer, note);
    } catch (error) {
      // Earlier deliveries retry; the last one tells the customer, and the note stays in the dead-letter queue.
      if (!turn.finalAttempt) throw error;
      turn.failed(`voice note ${messageId} could not be transcribed: ${error instanceof Error ? error.message : String(error)}`);
      return textReply(botText(language, 'voice.failed'), language, 'voice_failed');
    }
    const say = (key: Parameters<typeof botText>[1], vars: Record<string, string> = {}) =>
      textReply(botText(language, key, vars), language, `voice_${heard.kind}`);
    switch (heard.kind) {
      case 'text': {
        turn.used(heard.usage);
        const answer = await turn.answerText(heard.text, heard.language);
        if (!HEARD_MATTERS.has(answer.intent) && answer.productIds.length === 0) return answer;
        const [first, ...rest] = answer.messages;
        const prefix = botText(answer.language, 'voice.heard', { text: heard.text });
        return first ? { ...answer, messages: [withPrefix(first, prefix), ...rest] } : answer;
      }
      case 'too_long':
        return say('voice.tooLong', {
          duration: formatDuration(heard.durationSeconds, language),
          limit: formatDuration(heard.limitSeconds, language),
        });
      case 'too_large':
        return say('voice.tooLarge', { limit: formatMegabytes(heard.limitBytes, language) });
      case 'empty':
        return say('voice.empty');
      case 'unavailable':
        return say('voice.unavailable');
    }
  }

  /** A photo becomes catalog filters (vision), refined by its caption; without vision the caption alone is read. */
  async photo(content: ImageContent, messageId: string, turn: MediaTurn): Promise<AssistantReply> {
    const photo = {
      mediaId: content.mediaId,
      mimeType: content.mimeType,
      messageId,
      ...(content.caption ? { caption: content.caption } : {}),
    };
    const description = await this.deps.photos.describe(turn.customer, photo);
    const caption = content.caption?.trim();
    const { language } = turn;
    switch (description.kind) {
      case 'furniture': {
        const fromCaption = caption ? understand(caption) : undefined;
        const category = fromCaption?.category ?? description.category;
        const color = fromCaption?.color ?? description.color;
        const style = fromCaption?.style ?? description.style;
        const words = [description.keywords, caption].filter(Boolean).join(' ');
        const filters: ProductFilters = {
          ...(category ? { category } : {}),
          ...(color ? { color } : {}),
          ...(style ? { style } : {}),
          ...(fromCaption?.budget_min !== undefined ? { budgetMin: fromCaption.budget_min } : {}),
          ...(fromCaption?.budget_max !== undefined ? { budgetMax: fromCaption.budget_max } : {}),
          ...(words ? { text: words } : {}),
        };
        turn.learn(
          { weight: PHOTO_WEIGHT, ...(category ? { category } : {}), ...(color ? { color } : {}), ...(style ? { style } : {}) },
          description.usage,
          `[фото${caption ? `: ${caption}` : ''}]`,
        );
        const outcome = await this.deps.tools.searchProducts(filters);
        const intro = botText(language, 'photo.found');
        return { ...searchReply(outcome, filters, language, this.deps.imageUrlOf, 'photo', intro), engine: 'openai' };
      }
      case 'not_furniture':
        turn.used(description.usage);
        return textReply(botText(language, 'photo.notFurniture'), language, 'photo_not_furniture');
      case 'too_large':
        return textReply(
          botText(language, 'photo.tooLarge', { limit: formatMegabytes(description.limitBytes, language) }),
          language,
          'photo_too_large',
        );
      case 'unusable':
        // Answered at once: a retry would read the photo the same way, while the customer waits.
        turn.used(description.usage);
        if (caption) return turn.answerText(caption);
        return textReply(botText(language, 'photo.describe'), language, 'photo_unusable');
      case 'unavailable':
        if (caption) return turn.answerText(caption);
        return textReply(botText(language, 'photo.describe'), language, 'photo_describe');
    }
  }
}
