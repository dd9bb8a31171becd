import type { AssistantEngine } from './assistantEngine';
import type { AssistantReply } from './assistantReply';
import type { TurnContext } from './turnContext';

/**
 * The model's engine when an API key is configured, the offline assistant
 * otherwise. The key lives in the app's secret, which DevOps fill in after
 * the first deploy (and may change at any time), so whether the model can
 * answer is asked per turn, not decided once at cold start.
 */
export class KeyGatedAssistant implements AssistantEngine {
  constructor(
    private readonly engines: { withKey: AssistantEngine; withoutKey: AssistantEngine },
    private readonly hasKey: () => Promise<boolean>,
  ) {}

  async respond(context: TurnContext): Promise<AssistantReply> {
    if (await this.hasKey()) return this.engines.withKey.respond(context);
    const reply = await this.engines.withoutKey.respond(context);
    return { ...reply, engine: reply.engine ?? 'offline' };
  }
}
