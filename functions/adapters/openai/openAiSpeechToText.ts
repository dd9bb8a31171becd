import { TRANSCRIBE_MODELS } from '../../config/environment';
import type OpenAI from 'openai';
import { toFile } from 'openai';
import type { AudioFormat } from '../../domain/media/audioTools';
import type { EncodedAudio, SpeechToText, SpeechTranscript, SpeechUsage } from '../../domain/media/speechToText';

export type TranscribeModel = (typeof TRANSCRIBE_MODELS)[number];
export { TRANSCRIBE_MODELS };

/**
 * The upload formats the transcription API documents (flac, mp3, mp4, mpeg,
 * mpga, m4a, ogg, wav, webm), named so that the API can tell the format: it
 * goes by an extension-bearing file name and the content type. WhatsApp's
 * OGG/Opus voice notes are taken as they are; AMR and raw AAC are not.
 */
const UPLOADS: Partial<Record<AudioFormat, { name: string; type: string }>> = {
  ogg: { name: 'voice.ogg', type: 'audio/ogg' },
  mp3: { name: 'voice.mp3', type: 'audio/mpeg' },
  m4a: { name: 'voice.m4a', type: 'audio/mp4' },
  wav: { name: 'voice.wav', type: 'audio/wav' },
  webm: { name: 'voice.webm', type: 'audio/webm' },
  flac: { name: 'voice.flac', type: 'audio/flac' },
};

/** whisper-1's verbose_json names the language in English words. */
const LANGUAGE_CODES: Readonly<Record<string, string>> = { russian: 'ru', kazakh: 'kk', english: 'en' };

/** The pipeline converts before uploading; reaching this is a bug, not a customer's file. */
export class UnsupportedUploadFormatError extends Error {
  override readonly name = 'UnsupportedUploadFormatError';
}

/**
 * OpenAI's transcription endpoint. whisper-1 answers verbose_json, which says
 * the language and the seconds billed; the gpt-4o transcribe models only
 * answer json (text, and token usage), so the pipeline reads the language from
 * the words. No language is forced: customers speak Russian, Kazakh or English.
 */
export class OpenAiSpeechToText implements SpeechToText {
  constructor(private readonly options: { client: OpenAI; model: TranscribeModel }) {}

  accepts(format: AudioFormat): boolean {
    return UPLOADS[format] !== undefined;
  }

  async transcribe(audio: EncodedAudio): Promise<SpeechTranscript> {
    const upload = UPLOADS[audio.format];
    if (upload === undefined) throw new UnsupportedUploadFormatError(`The transcription API does not take ${audio.format}`);
    const { client, model } = this.options;
    const file = await toFile(audio.bytes, upload.name, { type: upload.type });
    if (model === 'whisper-1') {
      const answer = await client.audio.transcriptions.create({ file, model, response_format: 'verbose_json' });
      const seconds = answer.usage?.seconds ?? answer.duration;
      return {
        text: answer.text,
        ...optionalLanguage(LANGUAGE_CODES[answer.language.toLowerCase()]),
        usage: usage(model, { audioSeconds: seconds }),
      };
    }
    const answer = await client.audio.transcriptions.create({ file, model, response_format: 'json' });
    const tokens = answer.usage?.type === 'tokens' ? answer.usage : undefined;
    return {
      text: answer.text,
      ...optionalLanguage(answer.languages?.[0]?.code),
      usage: usage(model, {
        audioSeconds: answer.usage?.type === 'duration' ? answer.usage.seconds : audio.durationSeconds,
        inputTokens: tokens?.input_tokens ?? 0,
        outputTokens: tokens?.output_tokens ?? 0,
      }),
    };
  }
}

function optionalLanguage(code: string | undefined): { language?: string } {
  return code === undefined ? {} : { language: code };
}

function usage(model: string, counts: { audioSeconds: number; inputTokens?: number; outputTokens?: number }): SpeechUsage {
  return {
    model,
    inputTokens: counts.inputTokens ?? 0,
    cachedInputTokens: 0,
    outputTokens: counts.outputTokens ?? 0,
    audioSeconds: counts.audioSeconds,
  };
}
