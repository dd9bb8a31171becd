import type { CustomerRepository } from '../conversation/ports';
import type { FollowUpScheduler } from '../followups/followUpScheduler';
import type { IdentityDirectory } from '../identity/identityDirectory';
import type { ErasureConfirmations } from './erasureConfirmations';

/** How long the confirmation buttons of "delete my data" erase: a customer taps them at once, or asks again. */
export const ERASURE_CONFIRMATION_MS = 10 * 60 * 1000;

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
 * per product pair, processed-message hashes, and cost rows under a
 * pseudonym made from a random salt their profile kept (gone with it).
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
      confirmations: ErasureConfirmations;
      /** A fresh unguessable token (crypto.randomUUID). */
      newNonce: () => string;
      now: () => number;
    },
  ) {}

  /** The nonce the confirmation button carries; an earlier one stops working. */
  async askConfirmation(waId: string): Promise<string> {
    const nonce = this.deps.newNonce();
    await this.deps.confirmations.ask(waId, nonce, this.deps.now() + ERASURE_CONFIRMATION_MS);
    return nonce;
  }

  /** Erases only on the pending confirmation's nonce, within its time, once. */
  async eraseConfirmed(waId: string, nonce: string | undefined): Promise<ErasureReport | 'expired'> {
    if (nonce === undefined || !(await this.deps.confirmations.confirm(waId, nonce, this.deps.now()))) return 'expired';
    return this.erase(waId);
  }

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
