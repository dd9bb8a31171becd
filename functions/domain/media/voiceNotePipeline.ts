import type { AiUsageBooking } from '../assistant/aiUsage';
import { LANGUAGES, type Language } from '../language';
import { detectLanguage } from '../understanding/language';
import { tokenize } from '../understanding/tokens';
import type { Customer } from '../whatsapp/inboundMessage';
import { UnreadableAudioError, type AudioInspection, type AudioTools, type SpeechEncoding } from './audioTools';
import type { MediaSource } from './mediaSource';
import { stagedVoiceKey, type MediaStaging, type StagedMedia } from './mediaStaging';
import type { EncodedAudio, SpeechToText } from './speechToText';
import type { Transcription, VoiceNote, VoiceNotes } from './voiceNotes';

export interface VoiceLimits {
  maxBytes: number;
  maxSeconds: number;
}

export interface VoiceNotePipelineDependencies {
  source: MediaSource;
  staging: MediaStaging;
  audio: AudioTools;
  speech: SpeechToText;
  limits: VoiceLimits;
  /** The customer's pseudonym in staged object keys: never the phone number. */
  customerRef: (waId: string) => string;
  /** What audio the speech service does not take, or takes at a wasteful bitrate, is re-encoded to. */
  convertTo: SpeechEncoding;
  /** Books each transcription as it comes back, whatever the turn does next. */
  book?: AiUsageBooking;
}

/** Shorter than this, nobody has said what they are looking for; the API also refuses clips under 0.1 s. */
const MIN_SPEECH_SECONDS = 0.5;
/** A voice peaks far above this even when recorded from across a room; below it is a muted or empty recording. */
const SILENCE_PEAK_DECIBELS = -60;
/** A voice needs no more than this; above it (WAV, a 320 kbps MP3) the upload is shrunk first. */
const SHRINK_ABOVE_BITS_PER_SECOND = 64_000;
const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * A voice note to text: staged copy or download (capped), limits, conversion
 * when needed, then speech-to-text. Nothing is sent to the paid API for a
 * note over the limits, silent, or undecodable.
 */
export class VoiceNotePipeline implements VoiceNotes {
  constructor(private readonly deps: VoiceNotePipelineDependencies) {}

  async transcribe(customer: Customer, note: VoiceNote): Promise<Transcription> {
    const { limits } = this.deps;
    const staged = await this.stagedOrDownloaded(customer, note);
    if (staged.kind === 'too_large') return { kind: 'too_large', sizeBytes: staged.sizeBytes, limitBytes: limits.maxBytes };

    const inspection = await this.inspect(staged.bytes);
    if (inspection === undefined) return { kind: 'empty', durationSeconds: 0 };
    const { durationSeconds } = inspection;
    if (durationSeconds > limits.maxSeconds) return { kind: 'too_long', durationSeconds, limitSeconds: limits.maxSeconds };
    const silent = inspection.peakDecibels !== undefined && inspection.peakDecibels <= SILENCE_PEAK_DECIBELS;
    if (durationSeconds < MIN_SPEECH_SECONDS || silent) {
      return { kind: 'empty', durationSeconds };
    }

    const heard = await this.deps.speech.transcribe(await this.uploadable(staged.bytes, inspection));
    await this.deps.book?.(customer.waId, heard.usage);
    const text = heard.text.trim();
    if (!HAS_WORDS.test(text)) return { kind: 'empty', durationSeconds };
    return { kind: 'text', text, language: languageOf(heard.language, text), durationSeconds, usage: heard.usage };
  }

  /** A retried message finds its note staged by the first attempt and need not download it again. */
  private async stagedOrDownloaded(
    customer: Customer,
    note: VoiceNote,
  ): Promise<({ kind: 'media' } & StagedMedia) | { kind: 'too_large'; sizeBytes: number }> {
    const key = stagedVoiceKey(this.deps.customerRef(customer.waId), note.messageId, note.mimeType);
    const staged = await this.deps.staging.get(key);
    if (staged !== undefined) return { kind: 'media', ...staged };
    const fetched = await this.deps.source.download(note.mediaId, { maxBytes: this.deps.limits.maxBytes });
    if (fetched.kind === 'too_large') return fetched;
    const media = { bytes: fetched.bytes, contentType: fetched.mimeType };
    await this.deps.staging.put(key, media);
    return { kind: 'media', ...media };
  }

  /** Undefined when the file holds no decodable audio: to the customer, nothing was heard. */
  private async inspect(bytes: Uint8Array): Promise<AudioInspection | undefined> {
    try {
      return await this.deps.audio.inspect(bytes);
    } catch (error) {
      if (error instanceof UnreadableAudioError) return undefined;
      throw error;
    }
  }

  private async uploadable(bytes: Uint8Array, inspection: AudioInspection): Promise<EncodedAudio> {
    const { format, durationSeconds } = inspection;
    const bitsPerSecond = (bytes.byteLength * 8) / durationSeconds;
    if (this.deps.speech.accepts(format) && bitsPerSecond <= SHRINK_ABOVE_BITS_PER_SECOND) return { bytes, format, durationSeconds };
    const { convertTo } = this.deps;
    return { bytes: await this.deps.audio.convert(bytes, convertTo), format: convertTo, durationSeconds };
  }
}

/** The language the service heard when it is one we answer in, else the transcript's own words decide. */
function languageOf(heard: string | undefined, text: string): Language {
  const code = heard?.toLowerCase();
  return LANGUAGES.find((language) => language === code) ?? detectLanguage(tokenize(text));
}
