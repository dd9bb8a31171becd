/**
 * At-most-once answering per WhatsApp message id. Meta redelivers for up to
 * seven days and SQS only deduplicates for five minutes, so the consumer
 * claims each message with a conditional write before answering it.
 */
export type ClaimOutcome =
  /** Ours to answer. */
  | 'claimed'
  /** Answered before: skip it. */
  | 'done'
  /** Another invocation holds it right now: try again later. */
  | 'busy';

export interface MessageClaims {
  claim(messageId: string, leaseMs: number): Promise<ClaimOutcome>;
  complete(messageId: string): Promise<void>;
  /** Gives a claim back after a failure, so the retry can answer. */
  release(messageId: string): Promise<void>;
}
