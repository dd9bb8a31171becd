import type { AiUsage } from '../../domain/assistant/aiUsage';
import type { TurnResult } from '../../domain/conversation/conversationService';
import { languageCounter } from '../../domain/cost/analyticsCounters';
import { currentMeter } from '../usageMeterContext';

/** Counts a turn's language in the invocation's meter; its model calls were metered one by one (meterAiUsage). */
export function recordTurnResult(result: Pick<TurnResult, 'language'>): void {
  currentMeter()?.count(languageCounter(result.language));
}

/** One model call (chat, vision, speech-to-text) in the invocation's meter, as it comes back. */
export function meterAiUsage(usage: AiUsage): void {
  currentMeter()?.recordAi([usage]);
}
