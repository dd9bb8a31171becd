import type { Answerer } from './answerer';

/** WhatsApp's notices about the customer's account are not theirs to be answered. */
export const systemAnswerer: Answerer<'system'> = async () => undefined;
