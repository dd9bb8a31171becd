import type { HandoffService } from '../handoff/handoffService';
import { managerCommandOf } from '../handoff/managerCommands';
import { DEFAULT_LANGUAGE } from '../language';
import { isWindowOpen } from '../messaging/customerWindow';
import { botText } from '../texts/botTexts';
import type { CustomerRepository, Messenger, SentMessageRecord } from './ports';
import type { Turn } from './turn';
import { addressOf, contactLine } from '../whatsapp/customerIds';
import type { Customer } from '../whatsapp/inboundMessage';

/**
 * The manager's own messages to the bot: commands, not a customer turn.
 * "вернуть +7 701 234 56 78" or the "Вернуть боту" button hands the customer
 * back to the bot; anything else gets the list of commands.
 */
export class ManagerDesk {
  constructor(
    private readonly deps: {
      managerWaId?: string;
      handoff: HandoffService;
      customers: Pick<CustomerRepository, 'profile' | 'saveTurn' | 'recordSent'>;
      messenger: Messenger;
      now: () => number;
    },
  ) {}

  /** MANAGER_WA_ID is the manager's number or BSUID: whichever WhatsApp gives for them. */
  isManager(customer: Pick<Customer, 'waId' | 'phone' | 'userId'>): boolean {
    const { managerWaId } = this.deps;
    return managerWaId !== undefined && [customer.waId, customer.phone, customer.userId].includes(managerWaId);
  }

  async handle(turn: Turn): Promise<SentMessageRecord[]> {
    const { waId } = turn.customer;
    const known = await this.deps.customers.profile(waId);
    const lastInbound = turn.messages.reduce((latest, message) => Math.max(latest, message.timestamp), 0);
    // The manager's own 24-hour window decides whether their handoff notices can be free-form.
    await this.deps.customers.saveTurn({
      turnId: turn.messages[0]?.id ?? String(lastInbound),
      profile: {
        waId,
        language: DEFAULT_LANGUAGE,
        firstSeenAt: known?.firstSeenAt ?? lastInbound,
        lastInboundAt: Math.max(lastInbound, known?.lastInboundAt ?? 0),
        messageCount: (known?.messageCount ?? 0) + turn.messages.length,
        preferences: known?.preferences ?? { colors: {}, styles: {}, categories: {} },
        recentViews: [],
        lastShown: [],
        optedOut: known?.optedOut ?? false,
        misunderstandings: 0,
        ...(turn.customer.name ? { name: turn.customer.name } : {}),
      },
      memory: [],
    });
    const sent: SentMessageRecord[] = [];
    // A command delayed past the manager's window (a dead-letter redrive) is carried out without an answer.
    const canAnswer = isWindowOpen(lastInbound, this.deps.now());
    for (const message of turn.messages) {
      const command = managerCommandOf(message.content);
      const body =
        command.kind === 'release'
          ? botText('ru', (await this.deps.handoff.release(command.waId)) ? 'handoff.released' : 'handoff.notHandedOff', {
              phone: contactLine({ waId: command.waId }),
            })
          : botText('ru', 'handoff.managerHelp');
      if (!canAnswer) continue;
      const { messageId } = await this.deps.messenger.send(addressOf(turn.customer), { kind: 'text', body });
      sent.push({ messageId, kind: 'text', at: this.deps.now() });
    }
    await this.deps.customers.recordSent(waId, sent);
    return sent;
  }
}
