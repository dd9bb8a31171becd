import { parseReplyId } from '../replies/replyIds';
import type { InboundContent } from '../whatsapp/inboundMessage';

export type ManagerCommand = { kind: 'release'; waId: string } | { kind: 'help' };

const RELEASE = /^(?:\/release|release|вернуть|верни|бот|отпустить)\s*\+?\s*([\d\s()-]{6,20})$/iu;

/** What the manager's own messages to the bot mean: "вернуть +7 701 234 56 78", or the release button. */
export function managerCommandOf(content: InboundContent): ManagerCommand {
  if (content.kind === 'reply') {
    const action = parseReplyId(content.replyId);
    if (action?.action === 'release') return { kind: 'release', waId: action.waId };
  }
  if (content.kind === 'text') {
    const match = RELEASE.exec(content.text.trim());
    const digits = match?.[1]?.replace(/\D/g, '');
    if (digits && digits.length >= 6)
      return { kind: 'release', waId: digits.startsWith('8') && digits.length === 11 ? `7${digits.slice(1)}` : digits };
  }
  return { kind: 'help' };
}
