/** One pending follow-up per customer, moved forward each time they write and removed after it runs. */
export interface FollowUpScheduler {
  schedule(waId: string, at: Date): Promise<void>;
  cancel(waId: string): Promise<void>;
}

/** The store's rule: a customer silent for a week hears about new arrivals in their sections. */
export const FOLLOW_UP_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
