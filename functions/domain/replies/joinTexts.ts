import type { OutboundMessage } from '../whatsapp/outboundMessage';

/** Text messages in a row become one, paragraphs apart: the customer reads one answer, not a burst of bubbles. */
export function joinTexts(messages: readonly OutboundMessage[]): OutboundMessage[] {
  const joined: OutboundMessage[] = [];
  for (const message of messages) {
    const last = joined.at(-1);
    if (last?.kind === 'text' && message.kind === 'text') joined[joined.length - 1] = { ...last, body: `${last.body}\n\n${message.body}` };
    else joined.push(message);
  }
  return joined;
}
