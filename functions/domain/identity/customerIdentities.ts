import type { CustomerRepository } from '../conversation/ports';
import type { FollowUpScheduler } from '../followups/followUpScheduler';
import type { ContentOf, Customer, InboundMessage } from '../whatsapp/inboundMessage';
import type { IdentityDirectory } from './identityDirectory';

type IdentityChange = NonNullable<ContentOf<'system'>['identityChange']>;

const defined = (id: string | undefined): id is string => id !== undefined && id !== '';

export interface CustomerIdentitiesDependencies {
  directory: IdentityDirectory;
  customers: Pick<CustomerRepository, 'moveCustomer'>;
  followUps?: FollowUpScheduler;
  /** A phone number and a BSUID that pointed to two customers were joined (told for a log line and a metric). */
  onJoined: (kept: string, dropped: string) => void;
}

/**
 * A customer is known by a stable key: the first identifier we met them by
 * (their phone number, or their BSUID when the number was withheld). Every
 * identifier WhatsApp later gives for them points to that key, so a customer
 * who adopts a username and stops showing their number keeps their profile,
 * alerts, opt-out and handoff. When the identifier the key is named after is
 * retired (a new number, a new BSUID), their data moves to the new one.
 */
export class CustomerIdentities {
  constructor(private readonly deps: CustomerIdentitiesDependencies) {}

  /** The customer under their key; identifiers met for the first time are linked to it. */
  async resolve(customer: Customer): Promise<Customer> {
    const identifiers = [customer.phone, customer.userId].filter(defined);
    if (identifiers.length === 0) identifiers.push(customer.waId);
    const known = await this.deps.directory.keysOf(identifiers);
    const byPhone = customer.phone === undefined ? undefined : known.get(customer.phone);
    const byUserId = customer.userId === undefined ? undefined : known.get(customer.userId);
    const key = byPhone ?? byUserId ?? known.get(customer.waId) ?? customer.waId;
    if (byPhone !== undefined && byUserId !== undefined && byPhone !== byUserId) this.deps.onJoined(byPhone, byUserId);
    const unlinked = identifiers.filter((identifier) => known.get(identifier) !== key);
    if (unlinked.length > 0) await this.deps.directory.link(unlinked, key);
    return { ...customer, waId: key };
  }

  /** The key a delivery status belongs to: its recipient's phone number or BSUID, as linked; unknown ones stand for themselves. */
  async keyOf(recipientId: string, recipientUserId?: string): Promise<string> {
    const identifiers = [recipientUserId, recipientId].filter(defined);
    const known = await this.deps.directory.keysOf(identifiers);
    return known.get(recipientId) ?? (recipientUserId === undefined ? undefined : known.get(recipientUserId)) ?? recipientId;
  }

  /** The customer after the identity changes WhatsApp announced among the turn's messages, in their order. */
  async settle(customer: Customer, messages: readonly InboundMessage[]): Promise<Customer> {
    let current = await this.resolve(customer);
    for (const { content } of messages) {
      if (content.kind === 'system' && content.identityChange !== undefined) current = await this.change(current, content.identityChange);
    }
    return current;
  }

  /**
   * A new number regenerates the BSUID; a BSUID change keeps the number. The
   * retired identifiers are unlinked (the old number may be given to someone
   * else), the new ones linked, and when the key was a retired identifier the
   * customer's data moves to the one they go by now.
   */
  private async change(customer: Customer, change: IdentityChange): Promise<Customer> {
    const current = [change.newPhone, change.newUserId].filter(defined);
    const retired = [change.previousPhone, change.newUserId === undefined ? undefined : change.previousUserId]
      .filter(defined)
      .filter((identifier) => !current.includes(identifier));
    const phone = change.newPhone ?? (customer.phone !== undefined && retired.includes(customer.phone) ? undefined : customer.phone);
    const userId = change.newUserId ?? customer.userId;
    const key = retired.includes(customer.waId) ? (phone ?? userId ?? customer.waId) : customer.waId;
    if (key !== customer.waId) {
      await this.deps.customers.moveCustomer(customer.waId, key);
      // The turn schedules the follow-up anew under the key the customer goes by now.
      await this.deps.followUps?.cancel(customer.waId);
    }
    if (retired.length > 0) await this.deps.directory.unlink(retired);
    const linked = [phone, userId].filter(defined);
    if (linked.length > 0) await this.deps.directory.link(linked, key);
    const { phone: _phone, userId: _userId, ...rest } = customer;
    return { ...rest, waId: key, ...(phone === undefined ? {} : { phone }), ...(userId === undefined ? {} : { userId }) };
  }
}
