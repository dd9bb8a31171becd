import type { TurnResult } from '../../domain/conversation/conversationService';
import { languageCounter } from '../../domain/cost/analyticsCounters';
import { currentMeter } from '../usageMeterContext';

/** Books a turn's model usage (chat, vision, speech-to-text) and language in the invocation's meter. */
export function recordTurnResult(result: Pick<TurnResult, 'usage' | 'language'>): void {
  const meter = currentMeter();
  meter?.recordAi(result.usage);
  meter?.count(languageCounter(result.language));
}
