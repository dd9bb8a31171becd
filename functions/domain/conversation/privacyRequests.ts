import { parseReplyId } from '../replies/replyIds';
import { analyze } from '../understanding/understand';
import type { InboundContent } from '../whatsapp/inboundMessage';
import { commandOf, type CustomerCommand } from './customerCommands';

const PRIVACY_COMMANDS = new Set<CustomerCommand['kind']>(['opt_out', 'opt_in', 'forget_me']);

/**
 * What a customer may always ask of the bot, even while a person is talking
 * to them: to stop being messaged first, to be messaged again, and to have
 * their data erased (the request and its confirmation). A handoff silences
 * the shop assistant, not the customer's rights.
 */
export function isPrivacyRequest(content: InboundContent): boolean {
  if (content.kind === 'text') {
    const kind = commandOf(content.text, analyze(content.text).understanding)?.kind;
    return kind !== undefined && PRIVACY_COMMANDS.has(kind);
  }
  if (content.kind === 'reply') {
    const action = parseReplyId(content.replyId)?.action;
    return action === 'forget' || action === 'optout';
  }
  return false;
}
