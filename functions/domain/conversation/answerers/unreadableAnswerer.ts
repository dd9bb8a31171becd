import { textReply } from '../../assistant/offlineAssistant';
import { botText } from '../../texts/botTexts';
import type { Answerer } from './answerer';

/** A message that arrived broken: the customer is asked, once per turn, to send it again in another way. */
export const unreadableAnswerer: Answerer<'unreadable'> = async (_content, turn) =>
  turn.firstTime('unreadable') ? textReply(botText(turn.language, 'unreadable'), turn.language, 'unreadable') : undefined;
