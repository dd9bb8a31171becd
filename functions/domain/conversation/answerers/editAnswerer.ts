import type { Answerer } from './answerer';

/** An edited message is what the customer means now: it is answered as the new text. */
export const editAnswerer: Answerer<'edit'> = (content, turn) => turn.answerText(content.text);
