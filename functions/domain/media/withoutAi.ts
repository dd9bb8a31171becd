import type { PhotoDescription, PhotoDescriptions } from './photoDescriptions';
import type { Transcription, VoiceNotes } from './voiceNotes';

/** Without an OpenAI key nothing can hear a voice note: the customer is asked to type. */
export const voiceWithoutSpeechToText: VoiceNotes = {
  transcribe: async (): Promise<Transcription> => ({ kind: 'unavailable' }),
};

/** Without an OpenAI key nothing can see a photo: its caption, or the customer's words, must do. */
export const photosWithoutVision: PhotoDescriptions = {
  describe: async (): Promise<PhotoDescription> => ({ kind: 'unavailable' }),
};
