import type { Answerer } from './answerer';

/** An emoji on one of our messages is the customer's answer in itself: writing back would be noise. */
export const reactionAnswerer: Answerer<'reaction'> = async () => undefined;
