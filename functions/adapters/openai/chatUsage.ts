import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { AiUsage } from '../../domain/assistant/aiUsage';

/** A chat completion's token counts as the cost model books them (cached input is billed at half price). */
export function chatUsage(model: string, usage: NonNullable<ChatCompletion['usage']>): AiUsage {
  return {
    model,
    inputTokens: usage.prompt_tokens,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    outputTokens: usage.completion_tokens,
  };
}
