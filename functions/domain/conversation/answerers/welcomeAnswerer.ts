import { textReply } from '../../assistant/offlineAssistant';
import { categoryMenu } from '../../replies/categoryMenu';
import { botText } from '../../texts/botTexts';
import type { Answerer } from './answerer';

/** The customer opened the chat for the first time: a greeting with the catalog's sections. */
export const welcomeAnswerer: Answerer<'welcome'> = async (_content, turn) => {
  const body = botText(turn.language, 'welcome', { name: turn.customer.name ? `, ${turn.customer.name}` : '' });
  return { ...textReply(body, turn.language, 'greeting'), messages: [categoryMenu(turn.language, body)] };
};
