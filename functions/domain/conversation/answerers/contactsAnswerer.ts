import { textReply } from '../../assistant/offlineAssistant';
import { botText } from '../../texts/botTexts';
import type { Answerer } from './answerer';

/** Shared contact cards: acknowledged; who is in them stays in the chat, not in our memory. */
export const contactsAnswerer: Answerer<'contacts'> = async (content, turn) => {
  turn.remember(`[контакты: ${content.count}]`);
  return textReply(botText(turn.language, 'contacts.received'), turn.language, 'contacts');
};
