import { textReply } from '../../assistant/offlineAssistant';
import { botText } from '../../texts/botTexts';
import type { Answerer } from './answerer';

/** What the assistant cannot read gets one polite word per turn on what it can, however many such messages came. */
export const unsupportedAnswerer: Answerer<'unsupported'> = async (_content, turn) =>
  turn.firstTime('unsupported') ? textReply(botText(turn.language, 'unsupported'), turn.language, 'unsupported') : undefined;
