import type { MediaAnswers } from '../mediaAnswers';
import type { Answerer } from './answerer';

/** A voice note becomes words, answered like typed text. */
export function audioAnswerer(media: MediaAnswers): Answerer<'audio'> {
  return (content, turn) => media.voice(content, turn.messageId, turn);
}
