import type { AiUsage } from '../assistant/aiUsage';
import type { AudioFormat } from './audioTools';

/**
 * AiUsage with the seconds of audio heard, which whisper-1 bills by.
 */
export type SpeechUsage = AiUsage & { audioSeconds: number };

export interface EncodedAudio {
  bytes: Uint8Array;
  format: AudioFormat;
  durationSeconds: number;
}

export interface SpeechTranscript {
  text: string;
  /** ISO 639-1, when the service says which language it heard. */
  language?: string;
  usage: SpeechUsage;
}

/** A speech-to-text service (OpenAI). Network and API failures are thrown. */
export interface SpeechToText {
  /** Formats the service takes as they are; anything else is converted first. */
  accepts(format: AudioFormat): boolean;
  transcribe(audio: EncodedAudio): Promise<SpeechTranscript>;
}
