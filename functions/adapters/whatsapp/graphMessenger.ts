import type { Messenger } from '../../domain/conversation/ports';
import { CustomerWindowClosedError } from '../../domain/messaging/customerWindow';
import type { OutboundMessage } from '../../domain/whatsapp/outboundMessage';
import type { GraphClient } from './graphClient';
import { isOutsideCustomerWindow } from './graphErrors';

/**
 * The conversation's Messenger on the Graph API. The client is looked up per
 * call because the access token comes from a cached secret that can rotate.
 */
export class GraphMessenger implements Messenger {
  constructor(private readonly graph: () => Promise<GraphClient>) {}

  async send(to: string, message: OutboundMessage, options?: { replyToMessageId?: string }): Promise<{ messageId: string }> {
    try {
      return await (await this.graph()).send(to, message, options);
    } catch (error) {
      if (isOutsideCustomerWindow(error))
        throw new CustomerWindowClosedError('WhatsApp refused a free-form message: 131047', { cause: error });
      throw error;
    }
  }

  async markRead(messageId: string): Promise<void> {
    await (await this.graph()).markRead(messageId, { typing: true });
  }
}
