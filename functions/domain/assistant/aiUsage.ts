/** Tokens one model call consumed, as the API reports them; priced later from the pricing file. */
export interface AiUsage {
  model: string;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
}
