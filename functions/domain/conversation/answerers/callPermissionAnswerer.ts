import { textReply } from '../../assistant/offlineAssistant';
import { botText } from '../../texts/botTexts';
import type { Answerer } from './answerer';

/** The customer allowed or refused a WhatsApp call: the answer says what happens next. */
export const callPermissionAnswerer: Answerer<'call_permission'> = async (content, turn) => {
  turn.remember(content.accepted ? '[разрешил звонок]' : '[отказался от звонка]');
  const key = content.accepted ? 'call.accepted' : 'call.declined';
  return textReply(botText(turn.language, key), turn.language, content.accepted ? 'call_accepted' : 'call_declined');
};
