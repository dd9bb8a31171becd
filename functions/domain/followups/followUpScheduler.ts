/** One pending follow-up per customer, moved forward each time they write and removed after it runs. */
export interface FollowUpScheduler {
  schedule(waId: string, at: Date): Promise<void>;
  cancel(waId: string): Promise<void>;
}

/** The store's rule: a customer silent for a week hears about new arrivals in their sections. */
export const FOLLOW_UP_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A customer's follow-up is moved at most once a day: a schedule update per
 * message would make the Scheduler API a wall under a campaign. It is then
 * set a day further out than the week, so messages in the day after a move
 * still leave a week of silence before it fires: it comes 7 to 8 days after
 * the customer's last message.
 */
export const FOLLOW_UP_MOVE_INTERVAL_MS = 24 * 60 * 60 * 1000;
