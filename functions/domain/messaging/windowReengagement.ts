import type { CustomerRepository, Messenger } from '../conversation/ports';
import type { Language } from '../language';
import type { DeliveryStatus } from '../whatsapp/inboundMessage';
import type { TemplateCatalog } from './templateCatalog';

/** WhatsApp's error for a free-form message outside the 24-hour window, when it reports it in a status. */
export const OUTSIDE_WINDOW_CODE = 131047;

export interface RefusedMessage {
  summary: string;
  language: Language;
}

export interface OutboundLog {
  /**
   * Marks a refused free-form message as re-sent, once: returns what it said,
   * or undefined when it was a template, is unknown, or was re-sent already.
   */
  claimResend(waId: string, messageId: string): Promise<RefusedMessage | undefined>;
}

/**
 * Meta usually accepts a free-form message sent after the window closed and
 * reports `failed` with 131047 later; the customer then gets the approved
 * service_reply template ("your answer is ready") instead of losing it, and
 * its button brings the answer itself, free, once the tap reopens the window.
 */
export class WindowReengagement {
  constructor(
    private readonly deps: {
      outbound: OutboundLog;
      customers: Pick<CustomerRepository, 'recordSent'>;
      messenger: Messenger;
      templates: TemplateCatalog;
      now: () => number;
    },
  ) {}

  appliesTo(status: DeliveryStatus): boolean {
    return status.state === 'failed' && (status.errors ?? []).some((error) => error.code === OUTSIDE_WINDOW_CODE);
  }

  /** Returns the template's message id, or undefined when there was nothing to re-send. */
  async resend(status: DeliveryStatus): Promise<string | undefined> {
    const refused = await this.deps.outbound.claimResend(status.recipientId, status.messageId);
    if (refused === undefined) return undefined;
    const template = this.deps.templates.build({
      name: 'service_reply',
      language: refused.language,
      parameters: {},
      payloads: { resume: 'resume' },
    });
    const { messageId } = await this.deps.messenger.send(status.recipientId, template);
    await this.deps.customers.recordSent(status.recipientId, [
      { messageId, kind: 'template', template: template.name, at: this.deps.now(), summary: refused.summary, language: refused.language },
    ]);
    return messageId;
  }
}
