import type { PhotoDescriptions } from '../media/photoDescriptions';
import type { VoiceNotes } from '../media/voiceNotes';

/** The daily caps for this customer (and the shop). */
type BudgetCheck = (customerWaId: string) => Promise<boolean>;

/** Past the day's AI budget a voice note is "unavailable": the customer is asked to type, as without a key. */
export function voiceWithinBudget(voice: VoiceNotes, allows: BudgetCheck): VoiceNotes {
  return {
    transcribe: async (customer, note) => ((await allows(customer.waId)) ? voice.transcribe(customer, note) : { kind: 'unavailable' }),
  };
}

/** Past the day's AI budget a photo is read by its caption alone, as without a key. */
export function photosWithinBudget(photos: PhotoDescriptions, allows: BudgetCheck): PhotoDescriptions {
  return {
    describe: async (customer, photo) => ((await allows(customer.waId)) ? photos.describe(customer, photo) : { kind: 'unavailable' }),
  };
}
