import type { Messenger } from '../../domain/conversation/ports';
import type { OutboundMessage } from '../../domain/whatsapp/outboundMessage';
import type { GraphClient } from './graphClient';

/**
 * The conversation's Messenger on the Graph API. The client is looked up per
 * call because the access token comes from a cached secret that can rotate.
 */
export class GraphMessenger implements Messenger {
  constructor(private readonly graph: () => Promise<GraphClient>) {}

  async send(to: string, message: OutboundMessage, options?: { replyToMessageId?: string }): Promise<{ messageId: string }> {
    return (await this.graph()).send(to, message, options);
  }

  async markRead(messageId: string): Promise<void> {
    await (await this.graph()).markRead(messageId, { typing: true });
  }
}
