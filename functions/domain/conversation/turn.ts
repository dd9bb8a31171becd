import type { Customer, InboundContent, InboundMessage } from '../whatsapp/inboundMessage';

/** The messages of one customer that arrived together: answered as one turn, not one reply each. */
export interface Turn {
  customer: Customer;
  messages: InboundMessage[];
  /**
   * The queue will not deliver these messages again: a failure now sends them
   * to the dead-letter queue, so the customer is told instead of left waiting.
   */
  finalAttempt?: boolean;
  /** SQS delivered some of these messages before: an earlier attempt may have sent part of the answer. */
  redelivered?: boolean;
  /**
   * When the claim on these messages runs out (ms since the epoch): another
   * invocation may answer them after it, so no answer is sent later.
   */
  answerBy?: number;
}

export type TurnSegment =
  | { kind: 'text'; text: string; messageIds: string[] }
  | { kind: 'content'; content: Exclude<InboundContent, { kind: 'text' }>; messageId: string };

/** Consecutive texts become one request ("хочу диван" + "серый" + "до 300к"); anything else stands on its own. */
export function segmentTurn(messages: readonly InboundMessage[]): TurnSegment[] {
  const segments: TurnSegment[] = [];
  for (const message of messages) {
    const { content } = message;
    const last = segments.at(-1);
    if (content.kind === 'text') {
      const text = content.text.trim();
      if (text === '') continue;
      if (last?.kind === 'text') {
        last.text = `${last.text}\n${text}`;
        last.messageIds.push(message.id);
      } else {
        segments.push({ kind: 'text', text, messageIds: [message.id] });
      }
    } else {
      segments.push({ kind: 'content', content, messageId: message.id });
    }
  }
  return segments;
}
