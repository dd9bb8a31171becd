import type { AiUsage } from '../assistant/aiUsage';
import type { Language } from '../language';
import type { Customer } from '../whatsapp/inboundMessage';

export interface VoiceNote {
  mediaId: string;
  mimeType: string;
  /** WhatsApp marks notes recorded in the app as voice; forwarded audio files are not. */
  voice: boolean;
  messageId: string;
}

export type Transcription =
  | { kind: 'text'; text: string; language?: Language; durationSeconds: number; usage?: AiUsage }
  | { kind: 'too_long'; durationSeconds: number; limitSeconds: number }
  | { kind: 'too_large'; sizeBytes: number; limitBytes: number }
  /** No speech-to-text configured (no OpenAI key): the customer is asked to type. */
  | { kind: 'unavailable' }
  /** Nothing intelligible was heard. */
  | { kind: 'empty'; durationSeconds: number };

/**
 * Turns a customer's voice note into text: download, stage, check limits,
 * convert when needed, transcribe. Transient failures (network, API errors)
 * are thrown, so the message is retried rather than lost.
 */
export interface VoiceNotes {
  transcribe(customer: Customer, note: VoiceNote): Promise<Transcription>;
}
