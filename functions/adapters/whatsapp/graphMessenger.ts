import type { Messenger } from '../../domain/conversation/ports';
import { CustomerWindowClosedError } from '../../domain/messaging/customerWindow';
import type { TemplateCategory } from '../../domain/messaging/templateCategory';
import type { OutboundMessage } from '../../domain/whatsapp/outboundMessage';
import type { GraphClient, SendEndpoint } from './graphClient';
import { isOutsideCustomerWindow } from './graphErrors';

/** A template's latest category as Meta reported it (TemplateCategories#latest). */
export type TemplateCategoryLookup = (name: string, language: string) => Promise<TemplateCategory | undefined>;

/**
 * The conversation's Messenger on the Graph API. The client is looked up per
 * call because the access token comes from a cached secret that can rotate.
 * A template whose latest category is MARKETING goes to /marketing_messages,
 * as Meta asks ("Route template messages by category"); everything else to /messages.
 */
export class GraphMessenger implements Messenger {
  constructor(
    private readonly graph: () => Promise<GraphClient>,
    private readonly templateCategory: TemplateCategoryLookup = async () => undefined,
  ) {}

  async send(to: string, message: OutboundMessage, options?: { replyToMessageId?: string }): Promise<{ messageId: string }> {
    const endpoint = await this.endpointFor(message);
    try {
      return await (await this.graph()).send(to, message, { ...options, endpoint });
    } catch (error) {
      if (isOutsideCustomerWindow(error))
        throw new CustomerWindowClosedError('WhatsApp refused a free-form message: 131047', { cause: error });
      throw error;
    }
  }

  async markRead(messageId: string): Promise<void> {
    await (await this.graph()).markRead(messageId, { typing: true });
  }

  private async endpointFor(message: OutboundMessage): Promise<SendEndpoint> {
    if (message.kind !== 'template') return 'messages';
    return (await this.templateCategory(message.name, message.language)) === 'MARKETING' ? 'marketing_messages' : 'messages';
  }
}
