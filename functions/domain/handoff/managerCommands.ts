import { parseReplyId } from '../replies/replyIds';
import { isBusinessScopedUserId } from '../whatsapp/customerIds';
import type { InboundContent } from '../whatsapp/inboundMessage';

export type ManagerCommand = { kind: 'release'; waId: string } | { kind: 'help' };

const RELEASE = /^(?:\/release|release|вернуть|верни|бот|отпустить)\s*\+?\s*([\d\s()-]{6,20})$/iu;
/** A customer known only by their BSUID: "вернуть KZ.1502576394655843". */
const RELEASE_BSUID = /^(?:\/release|release|вернуть|верни|бот|отпустить)\s+(\S+)$/iu;

/** What the manager's own messages to the bot mean: "вернуть +7 701 234 56 78" (or a BSUID), or the release button. */
export function managerCommandOf(content: InboundContent): ManagerCommand {
  if (content.kind === 'reply') {
    const action = parseReplyId(content.replyId);
    if (action?.action === 'release') return { kind: 'release', waId: action.waId };
  }
  if (content.kind === 'text') {
    const bsuid = RELEASE_BSUID.exec(content.text.trim())?.[1];
    if (bsuid !== undefined && isBusinessScopedUserId(bsuid)) return { kind: 'release', waId: bsuid };
    const match = RELEASE.exec(content.text.trim());
    const digits = match?.[1]?.replace(/\D/g, '');
    if (digits && digits.length >= 6)
      return { kind: 'release', waId: digits.startsWith('8') && digits.length === 11 ? `7${digits.slice(1)}` : digits };
  }
  return { kind: 'help' };
}
