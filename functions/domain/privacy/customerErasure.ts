import type { CustomerRepository } from '../conversation/ports';
import type { FollowUpScheduler } from '../followups/followUpScheduler';
import type { IdentityDirectory } from '../identity/identityDirectory';

/** Media staged for a customer (voice notes), found by the customer's pseudonym. */
export interface StagedMediaEraser {
  eraseCustomerMedia(customerRef: string): Promise<number>;
}

export interface ErasureReport {
  items: number;
  mediaObjects: number;
}

/**
 * "Удалите мои данные": everything stored about the customer goes — the
 * table items of their partition (profile, preferences, memory, views,
 * alerts, orders, sent messages, counters), the links from their phone
 * number and BSUID to it, their pending follow-up schedule and their staged
 * media. What remains elsewhere names no one: co-view counts
 * per product pair, processed-message hashes, and cost rows under a salted
 * hash of the number.
 */
export class CustomerErasure {
  constructor(
    private readonly deps: {
      customers: Pick<CustomerRepository, 'eraseCustomer' | 'profile'>;
      /** The links from their phone number and BSUID to their key: they name the customer too. */
      identities: Pick<IdentityDirectory, 'unlink'>;
      media: StagedMediaEraser;
      followUps?: FollowUpScheduler;
      customerRef: (waId: string) => string;
    },
  ) {}

  async erase(waId: string): Promise<ErasureReport> {
    const profile = await this.deps.customers.profile(waId);
    await this.deps.identities.unlink([waId, profile?.phone, profile?.userId].filter((id): id is string => id !== undefined));
    await this.deps.followUps?.cancel(waId);
    const [items, mediaObjects] = await Promise.all([
      this.deps.customers.eraseCustomer(waId),
      this.deps.media.eraseCustomerMedia(this.deps.customerRef(waId)),
    ]);
    return { items, mediaObjects };
  }
}
