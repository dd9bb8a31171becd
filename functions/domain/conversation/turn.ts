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
  /**
   * The messages on their last delivery, when the turn also holds later ones
   * that SQS would still deliver again: a turn failing as a whole answers
   * those with the apology and gives the others back to be answered alone.
   */
  lastDeliveries?: string[];
  /** SQS delivered some of these messages before: an earlier attempt may have sent part of the answer. */
  redelivered?: boolean;
  /**
   * When the claim on these messages runs out (ms since the epoch): another
   * invocation may answer them after it, so no answer is sent later.
   */
  answerBy?: number;
}

/** Consecutive texts joined into one request, or one message of another kind. */
export interface TurnSegment {
  content: InboundContent;
  /** The messages the segment stands for; the first one names it. */
  messageIds: [string, ...string[]];
}

/**
 * The longest request a burst's texts are joined into: WhatsApp's own limit
 * for one text. Reading money and sizes grows faster than the text, so a
 * flood of long messages is answered as several requests, never as one of
 * 40,000 characters.
 */
export const MAX_SEGMENT_TEXT_CHARS = 4_096;

/** Consecutive texts become one request ("хочу диван" + "серый" + "до 300к"); anything else stands on its own. */
export function segmentTurn(messages: readonly InboundMessage[]): TurnSegment[] {
  const segments: TurnSegment[] = [];
  for (const message of messages) {
    const { content } = message;
    const last = segments.at(-1);
    if (content.kind === 'text') {
      const text = content.text.trim().slice(0, MAX_SEGMENT_TEXT_CHARS);
      if (text === '') continue;
      if (last?.content.kind === 'text' && last.content.text.length + 1 + text.length <= MAX_SEGMENT_TEXT_CHARS) {
        last.content = { kind: 'text', text: `${last.content.text}\n${text}` };
        last.messageIds.push(message.id);
      } else {
        segments.push({ content: { kind: 'text', text }, messageIds: [message.id] });
      }
    } else {
      segments.push({ content, messageIds: [message.id] });
    }
  }
  return segments;
}
