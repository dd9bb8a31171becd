import type { Answerer } from './answerer';

/** The customer took a message back: answering it now would bring it back. */
export const revokeAnswerer: Answerer<'revoke'> = async () => undefined;
