import type { MemoryEntry } from '../conversation/ports';
import type { DialogueState } from '../dialogue/dialogueState';
import type { Language } from '../language';
import type { Preferences } from '../preferences/preferences';
import type { Understanding } from '../understanding/understand';
import type { Customer } from '../whatsapp/inboundMessage';

/** Everything an assistant engine may use to answer one text turn. The customer's identity is this, never model output. */
export interface TurnContext {
  customer: Customer;
  /** The turn's text (a burst of messages joined by new lines). */
  text: string;
  /** The offline understanding of `text`: language and slots, also a hint for the model. */
  understanding: Understanding;
  /** The language to answer in. */
  language: Language;
  preferences: Preferences;
  /** The last exchanges before this turn, oldest first (at most 10). */
  recent: MemoryEntry[];
  /** Products the customer opened, most recent first. */
  viewedProductIds: string[];
  /** The conversation so far: the current search, the last list shown, the product in focus. */
  dialogue: DialogueState;
}
