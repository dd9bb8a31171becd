import type { Answerer } from './answerer';

/** A run of typed texts ("хочу диван" / "серый" / "до 300к") is one request, answered by the turn's text path. */
export const textAnswerer: Answerer<'text'> = (content, turn) => turn.answerText(content.text);
