import { textReply } from '../../assistant/offlineAssistant';
import { botText } from '../../texts/botTexts';
import type { Answerer } from './answerer';

/** A form sent back from a WhatsApp Flow: thanked for, and remembered for the manager by its title only. */
export const flowReplyAnswerer: Answerer<'flow_reply'> = async (content, turn) => {
  turn.remember(`[форма${content.body ? `: ${content.body}` : ''}]`);
  return textReply(botText(turn.language, 'flow.received'), turn.language, 'flow_reply');
};
