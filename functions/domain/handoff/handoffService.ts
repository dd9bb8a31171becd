import type { AssistantReply } from '../assistant/assistantReply';
import type { CustomerRepository } from '../conversation/ports';
import type { Language } from '../language';
import type { CustomerDelivery } from '../messaging/customerDelivery';
import type { TemplateCatalog } from '../messaging/templateCatalog';
import { replyId } from '../replies/replyIds';
import { botText, type TextKey } from '../texts/botTexts';
import type { CrmLeads, HandoffReason, HandoffState, LeadSummary } from './handoff';
import { customerField, leadText, quoted } from './leadText';
import { contactLine } from '../whatsapp/customerIds';
import { orderText } from '../orders/orderText';
import type { PricedOrder } from '../orders/pricedOrder';
import type { OutboundMessage } from '../whatsapp/outboundMessage';
import { workingHoursText } from './workingHoursText';
import { formatClock, managerAvailability, type WorkingHours } from './workingHours';

export interface ManagerSettings {
  /** The manager's WhatsApp number; without it (and without a CRM) there is no one to hand off to. */
  waId?: string;
  name: string;
  hours: WorkingHours;
  timeoutMs: number;
}

export interface HandoffDependencies {
  customers: Pick<CustomerRepository, 'profile' | 'setHandoff' | 'recordSent'>;
  delivery: CustomerDelivery;
  templates: TemplateCatalog;
  crm?: CrmLeads;
  manager: ManagerSettings;
  now: () => number;
  /** A CRM or manager notification that failed: logged and counted; the customer is still handed off. */
  onNotifyError: (channel: 'manager' | 'crm', error: unknown) => void;
}

/** What to do when no one can be handed to, by why a person was wanted. */
const UNAVAILABLE_NOTICE = {
  customer_asked: 'handoff.unavailable',
  assistant: 'handoff.unavailable',
  question: 'handoff.unavailable',
  purchase: 'handoff.unavailable.order',
  misunderstanding: 'dialogue.lost',
} as const satisfies Record<HandoffReason, TextKey>;

/** The customer's WhatsApp name is theirs to choose, «Бот: оплачено» included: shown as a plain field. */
function nameOf(summary: Pick<LeadSummary, 'name'>): string {
  return (summary.name && customerField(summary.name, NAME_LENGTH)) || botText('ru', 'handoff.noName');
}

const NAME_LENGTH = 60;

function text(body: string, language: Language, intent: string): AssistantReply {
  return { messages: [{ kind: 'text', body }], language, summary: body, intent, productIds: [], engine: 'offline' };
}

/**
 * Hands a customer to a person: the manager hears about it on WhatsApp (a
 * template when their own window is closed), the CRM gets a lead, the
 * customer is told who answers and when, and the bot stays silent for them
 * until the manager releases them or the timeout passes.
 */
export class HandoffService {
  constructor(private readonly deps: HandoffDependencies) {}

  async available(): Promise<boolean> {
    return this.deps.manager.waId !== undefined || ((await this.deps.crm?.isConfigured()) ?? false);
  }

  async start(summary: LeadSummary & { reason: HandoffReason }): Promise<AssistantReply> {
    const { language } = summary;
    if (!(await this.available())) {
      // No one to hand to: the customer still learns what to do and when a person reads this chat.
      const hours = workingHoursText(language, this.deps.manager.hours);
      const key = UNAVAILABLE_NOTICE[summary.reason];
      return text(botText(language, key, { hours }), language, 'manager_unavailable');
    }
    const now = this.deps.now();
    const state: HandoffState = { since: now, until: now + this.deps.manager.timeoutMs, reason: summary.reason };
    await this.deps.customers.setHandoff(summary.waId, state);
    const details = leadText(summary);
    const body = botText('ru', 'handoff.manager', {
      customer: nameOf(summary),
      phone: contactLine(summary),
      details,
    });
    await Promise.all([this.notifyManager(summary, details, { body, releaseButton: true }), this.createLead(summary, details)]);
    return text(this.customerNotice(language), language, 'manager');
  }

  /**
   * A cart from the catalog is a sale for a person to confirm: the manager and
   * the CRM get it with its items and total; the bot keeps answering.
   */
  async shareOrder(summary: LeadSummary, order: PricedOrder): Promise<void> {
    const { lines, total } = orderText(order, 'ru');
    const details = leadText(summary);
    const body = botText('ru', 'order.manager', {
      customer: nameOf(summary),
      phone: contactLine(summary),
      lines,
      total,
      note: order.note ? `\n${quoted(order.note)}` : '',
      details,
    });
    await Promise.all([
      this.notifyManager(summary, `${lines.replace(/\n/g, '; ')}. ${total}. ${details}`, { body, releaseButton: false }),
      this.createLead({ ...summary, amountTenge: order.total }, `${lines}\n${total}\n${details}`),
    ]);
  }

  async release(waId: string): Promise<boolean> {
    const profile = await this.deps.customers.profile(waId);
    if (profile?.handoff === undefined) return false;
    await this.deps.customers.setHandoff(waId, undefined);
    return true;
  }

  /** Who answers and when, in the store's working hours (Almaty time). */
  private customerNotice(language: Language): string {
    const { name, hours } = this.deps.manager;
    const availability = managerAvailability(this.deps.now(), hours);
    const when =
      availability.kind === 'now'
        ? botText(language, 'handoff.when.now')
        : botText(language, `handoff.when.${availability.kind}`, {
            time: formatClock(availability.opensAt),
            ...(availability.kind === 'later' ? { day: botText(language, `handoff.day.${availability.weekday}`) } : {}),
          });
    return botText(language, 'handoff.started', { name, when });
  }

  /**
   * The manager hears of it on WhatsApp: free-form inside their own 24-hour
   * window (with "Вернуть боту" when the bot went silent for the customer),
   * the approved manager_handoff template otherwise.
   */
  private async notifyManager(summary: LeadSummary, details: string, notice: { body: string; releaseButton: boolean }): Promise<void> {
    const managerWaId = this.deps.manager.waId;
    if (managerWaId === undefined) return;
    const customerName = nameOf(summary);
    const release = replyId({ action: 'release', waId: summary.waId });
    const message: OutboundMessage = notice.releaseButton
      ? { kind: 'buttons', body: notice.body, buttons: [{ id: release, title: botText('ru', 'handoff.releaseButton') }] }
      : { kind: 'text', body: notice.body };
    try {
      const manager = await this.deps.customers.profile(managerWaId);
      const delivery = await this.deps.delivery.deliver(managerWaId, message, { lastInboundAt: manager?.lastInboundAt }, () =>
        this.deps.templates.build({
          name: 'manager_handoff',
          language: 'ru',
          parameters: { customer_name: customerName, phone: contactLine(summary), details },
          payloads: { release },
        }),
      );
      await this.deps.customers.recordSent(managerWaId, [
        {
          messageId: delivery.messageId,
          kind: delivery.kind,
          at: this.deps.now(),
          ...(delivery.template ? { template: delivery.template } : {}),
        },
      ]);
    } catch (error) {
      this.deps.onNotifyError('manager', error);
    }
  }

  private async createLead(summary: LeadSummary, details: string): Promise<void> {
    if (this.deps.crm === undefined) return;
    try {
      await this.deps.crm.createLead(summary, details);
    } catch (error) {
      this.deps.onNotifyError('crm', error);
    }
  }
}
