import type { AssistantReply } from './assistantReply';
import type { TurnContext } from './turnContext';

/** Answers a text turn: the offline assistant, or the language model with the offline one as fallback. */
export interface AssistantEngine {
  respond(context: TurnContext): Promise<AssistantReply>;
}
