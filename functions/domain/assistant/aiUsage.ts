/** What one model call consumed, as the API reports it; priced later from the pricing file. */
export interface AiUsage {
  model: string;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  /** Speech-to-text: the seconds of audio billed (whisper-1 is priced per minute of audio). */
  audioSeconds?: number;
}

/**
 * Books one model call as it comes back: the spending caps and the cost
 * ledger see every completion, also those of a turn that then falls back,
 * times out or is retried. Never throws (a booking that fails is logged).
 */
export type AiUsageBooking = (customerWaId: string, usage: AiUsage) => Promise<void>;
