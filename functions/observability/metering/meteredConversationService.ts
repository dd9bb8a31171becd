import { ConversationService, type TurnResult } from '../../domain/conversation/conversationService';
import type { Turn } from '../../domain/conversation/turn';
import { languageCounter } from '../../domain/cost/analyticsCounters';
import { currentMeter } from '../usageMeterContext';

/**
 * The conversation service, with each turn's model usage (chat, vision and
 * speech-to-text: TurnResult.usage) and language booked in the invocation's
 * meter. A subclass rather than a wrapper because the turn processor takes
 * the service's class; the hook is one call the turn processor could make
 * itself (recordTurnResult) if it owned it.
 */
export class MeteredConversationService extends ConversationService {
  override async handleTurn(turn: Turn): Promise<TurnResult> {
    const result = await super.handleTurn(turn);
    recordTurnResult(result);
    return result;
  }
}

export function recordTurnResult(result: Pick<TurnResult, 'usage' | 'language'>): void {
  const meter = currentMeter();
  meter?.recordAi(result.usage);
  meter?.count(languageCounter(result.language));
}
