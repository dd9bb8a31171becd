import type { S3Client } from '@aws-sdk/client-s3';
import type OpenAI from 'openai';
import type { Environment } from '../../config/environment';
import type { AiUsageBooking } from '../../domain/assistant/aiUsage';
import type { PhotoDescriptions } from '../../domain/media/photoDescriptions';
import type { VoiceNotes } from '../../domain/media/voiceNotes';
import { VoiceNotePipeline } from '../../domain/media/voiceNotePipeline';
import { customerRef } from '../../observability/customerRef';
import { OpenAiPhotoDescriptions } from '../openai/openAiPhotoDescriptions';
import { OpenAiSpeechToText } from '../openai/openAiSpeechToText';
import type { GraphClient } from '../whatsapp/graphClient';
import { ffmpegBinaryResolver } from './ffmpegBinary';
import { FfmpegAudioTools } from './ffmpegAudioTools';
import { GraphMediaSource } from './graphMediaSource';
import { headerFirstAudioTools } from './oggOpus';
import { S3MediaStaging } from './s3MediaStaging';

export interface MediaServicesDependencies {
  env: Pick<
    Environment,
    'MEDIA_BUCKET' | 'OPENAI_MODEL' | 'VOICE_MAX_BYTES' | 'VOICE_MAX_SECONDS' | 'PHOTO_MAX_BYTES' | 'TRANSCRIBE_MODEL' | 'FFMPEG_BIN'
  >;
  /** Its key comes from the secret; the consumer gates media on the key being there (voiceWithinBudget, photosWithinBudget). */
  openai: OpenAI;
  graph: () => Promise<GraphClient>;
  /** For the media bucket: createS3Client(env). */
  s3: S3Client;
  /** Books every model call as it comes back (the spending caps, the cost ledger). */
  book?: AiUsageBooking;
}

export interface MediaServices {
  voice: VoiceNotes;
  photos: PhotoDescriptions;
}

/** Voice notes and photos for the consumer's composition root. */
export function buildMediaServices(deps: MediaServicesDependencies): MediaServices {
  const { env, openai } = deps;
  const source = new GraphMediaSource(deps.graph);
  return {
    voice: new VoiceNotePipeline({
      source,
      staging: new S3MediaStaging(deps.s3, env.MEDIA_BUCKET),
      audio: headerFirstAudioTools(new FfmpegAudioTools({ binary: ffmpegBinaryResolver(env.FFMPEG_BIN) })),
      speech: new OpenAiSpeechToText({ client: openai, model: env.TRANSCRIBE_MODEL }),
      limits: { maxBytes: env.VOICE_MAX_BYTES, maxSeconds: env.VOICE_MAX_SECONDS },
      customerRef: (waId) => customerRef(waId),
      convertTo: 'ogg',
      ...(deps.book ? { book: deps.book } : {}),
    }),
    photos: new OpenAiPhotoDescriptions({
      client: openai,
      model: env.OPENAI_MODEL,
      source,
      maxBytes: env.PHOTO_MAX_BYTES,
      ...(deps.book ? { book: deps.book } : {}),
    }),
  };
}
