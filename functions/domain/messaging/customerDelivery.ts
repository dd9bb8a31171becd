import type { Messenger } from '../conversation/ports';
import type { OutboundMessage, TemplateMessage } from '../whatsapp/outboundMessage';
import { CustomerWindowClosedError, isWindowOpen } from './customerWindow';

export interface Delivery {
  messageId: string;
  kind: OutboundMessage['kind'];
  /** The template sent in place of the free-form message, when the window was closed. */
  template?: string;
}

/**
 * Sends free-form messages while the customer service window is open and the
 * approved template otherwise, also when WhatsApp says the window closed
 * (131047) after we thought it open: the customer still hears from us, and
 * a template (billed) goes out only when nothing free-form can.
 */
export class CustomerDelivery {
  constructor(
    private readonly messenger: Messenger,
    private readonly now: () => number,
  ) {}

  async deliver(
    to: string,
    message: OutboundMessage,
    window: { lastInboundAt: number | undefined },
    template: () => TemplateMessage,
  ): Promise<Delivery> {
    if (message.kind === 'template' || !isWindowOpen(window.lastInboundAt, this.now())) {
      return this.sendTemplate(to, message.kind === 'template' ? message : template());
    }
    try {
      const { messageId } = await this.messenger.send(to, message);
      return { messageId, kind: message.kind };
    } catch (error) {
      if (!(error instanceof CustomerWindowClosedError)) throw error;
      return this.sendTemplate(to, template());
    }
  }

  private async sendTemplate(to: string, template: TemplateMessage): Promise<Delivery> {
    const { messageId } = await this.messenger.send(to, template);
    return { messageId, kind: 'template', template: template.name };
  }
}
