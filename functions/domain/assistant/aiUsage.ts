/** What one model call consumed, as the API reports it; priced later from the pricing file. */
export interface AiUsage {
  model: string;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  /** Speech-to-text: the seconds of audio billed (whisper-1 is priced per minute of audio). */
  audioSeconds?: number;
}
