import { z } from 'zod';
import { ConfigurationError } from '../../config/environment';
import { TRANSCRIBE_MODELS } from '../openai/openAiSpeechToText';

const MEGABYTE = 1024 * 1024;
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The media settings, named as their environment variables so that they can
 * move into environmentSchema unchanged. Defaults follow WhatsApp's own caps
 * (16 MB audio, 5 MB images); two minutes is plenty to ask for a sofa.
 */
export const mediaSettingsSchema = z.object({
  VOICE_MAX_BYTES: positiveInt(16 * MEGABYTE),
  VOICE_MAX_SECONDS: positiveInt(120),
  PHOTO_MAX_BYTES: positiveInt(5 * MEGABYTE),
  TRANSCRIBE_MODEL: z.enum(TRANSCRIBE_MODELS).default('gpt-4o-mini-transcribe'),
  /** An ffmpeg binary to use instead of looking for one (ffmpegBinary.ts). */
  FFMPEG_BIN: z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .optional(),
});

export type MediaSettings = z.infer<typeof mediaSettingsSchema>;

/** Parsed once per cold start; a malformed value fails it loudly, as parseEnvironment does. */
export function parseMediaSettings(source: Record<string, string | undefined> = process.env): MediaSettings {
  const parsed = mediaSettingsSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(`Invalid media configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
