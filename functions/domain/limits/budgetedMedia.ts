import type { PhotoDescriptions } from '../media/photoDescriptions';
import type { VoiceNotes } from '../media/voiceNotes';

type BudgetCheck = () => Promise<boolean>;

/** Past the day's AI budget a voice note is "unavailable": the customer is asked to type, as without a key. */
export function voiceWithinBudget(voice: VoiceNotes, allows: BudgetCheck): VoiceNotes {
  return {
    transcribe: async (customer, note) => ((await allows()) ? voice.transcribe(customer, note) : { kind: 'unavailable' }),
  };
}

/** Past the day's AI budget a photo is read by its caption alone, as without a key. */
export function photosWithinBudget(photos: PhotoDescriptions, allows: BudgetCheck): PhotoDescriptions {
  return {
    describe: async (customer, photo) => ((await allows()) ? photos.describe(customer, photo) : { kind: 'unavailable' }),
  };
}
