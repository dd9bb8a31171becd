import type { MediaAnswers } from '../mediaAnswers';
import type { Answerer } from './answerer';

/** A photo becomes a catalog search, refined by its caption. */
export function imageAnswerer(media: MediaAnswers): Answerer<'image'> {
  return (content, turn) => media.photo(content, turn.messageId, turn);
}
