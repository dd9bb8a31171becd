import type { AssistantEngine } from './assistantEngine';
import type { AssistantReply } from './assistantReply';
import type { TurnContext } from './turnContext';

/** An engine ran out of time; engines translate their client's timeout into this, so the domain needs no SDK to tell it apart. */
export class AssistantTimeoutError extends Error {
  override readonly name = 'AssistantTimeoutError';
}

export type FallbackReason = 'error' | 'timeout' | 'budget';

export interface FallbackAssistantOptions {
  primary: AssistantEngine;
  fallback: AssistantEngine;
  /** The spending caps (the shop's, the customer's): when they say no, the primary is not called at all. */
  isPrimaryAllowed?: (context: TurnContext) => Promise<boolean>;
  /** For logs and metrics; called before the fallback answers. */
  onFallback: (reason: FallbackReason, error?: unknown) => void;
}

/**
 * The language model when it is allowed and answers, the offline assistant
 * otherwise: a customer always gets a reply, whatever OpenAI does.
 */
export class FallbackAssistant implements AssistantEngine {
  private readonly primary: AssistantEngine;
  private readonly fallback: AssistantEngine;
  private readonly isPrimaryAllowed: (context: TurnContext) => Promise<boolean>;
  private readonly onFallback: FallbackAssistantOptions['onFallback'];

  constructor(options: FallbackAssistantOptions) {
    this.primary = options.primary;
    this.fallback = options.fallback;
    this.isPrimaryAllowed = options.isPrimaryAllowed ?? (async () => true);
    this.onFallback = options.onFallback;
  }

  async respond(context: TurnContext): Promise<AssistantReply> {
    let allowed: boolean;
    try {
      allowed = await this.isPrimaryAllowed(context);
    } catch (error) {
      // A cap that cannot be read is not a cap that allows spending.
      return this.fallBack(context, 'error', error);
    }
    if (!allowed) return this.fallBack(context, 'budget');
    try {
      return await this.primary.respond(context);
    } catch (error) {
      return this.fallBack(context, error instanceof AssistantTimeoutError ? 'timeout' : 'error', error);
    }
  }

  private async fallBack(context: TurnContext, reason: FallbackReason, error?: unknown): Promise<AssistantReply> {
    this.onFallback(reason, error);
    const reply = await this.fallback.respond(context);
    return { ...reply, engine: reply.engine ?? 'offline' };
  }
}
