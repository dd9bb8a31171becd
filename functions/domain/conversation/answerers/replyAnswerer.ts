import { textReply } from '../../assistant/offlineAssistant';
import type { CustomerErasure } from '../../privacy/customerErasure';
import { parseReplyId } from '../../replies/replyIds';
import { botText } from '../../texts/botTexts';
import type { TapResponder } from '../tapResponder';
import type { Answerer, TurnInProgress } from './answerer';

/** "Да, удалить" of the confirmation just asked for: everything about the customer goes, and this turn stores nothing new. */
async function forget(confirmed: boolean, nonce: string | undefined, erasure: CustomerErasure, turn: TurnInProgress) {
  const { language } = turn;
  if (!confirmed) return textReply(botText(language, 'forget.kept'), language, 'forget_me_cancelled');
  if ((await erasure.eraseConfirmed(turn.customer.waId, nonce)) === 'expired') {
    return textReply(botText(language, 'forget.expired'), language, 'forget_me_expired');
  }
  turn.erased();
  return textReply(botText(language, 'forget.done'), language, 'forget_me');
}

/** A tap on a list row, a reply button or a template quick reply; opening a product counts as a view. */
export function replyAnswerer(taps: TapResponder, erasure: CustomerErasure): Answerer<'reply'> {
  return async (content, turn) => {
    turn.remember(`[${content.title || content.replyId}]`);
    const action = parseReplyId(content.replyId);
    if (action?.action === 'forget') return forget(action.confirmed, action.nonce, erasure, turn);
    const outcome = await taps.respond(content, {
      waId: turn.customer.waId,
      language: turn.language,
      preferences: turn.preferences,
      viewed: turn.recentViews,
      lastShown: turn.lastShown,
      ...(turn.lastAnswer === undefined ? {} : { lastAnswer: turn.lastAnswer }),
    });
    if (outcome.viewed) await turn.viewed(outcome.viewed);
    return outcome.reply;
  };
}
