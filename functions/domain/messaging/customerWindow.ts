/** WhatsApp allows free-form messages only within 24 hours of the customer's last message. */
export const CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A small margin: a message that leaves now must still arrive inside the window. */
const SAFETY_MS = 60 * 1000;

/** Meta delivers a message again for up to seven days; what comes later than that is history, not a question. */
export const REDELIVERY_HORIZON_MS = 7 * 24 * 60 * 60 * 1000;

export function isWithinRedelivery(sentAt: number, now: number): boolean {
  return now - sentAt <= REDELIVERY_HORIZON_MS;
}

export function isWindowOpen(lastInboundAt: number | undefined, now: number): boolean {
  return lastInboundAt !== undefined && now - lastInboundAt < CUSTOMER_WINDOW_MS - SAFETY_MS;
}

/** The Cloud API refused a free-form message because the window is closed (error 131047). */
export class CustomerWindowClosedError extends Error {
  override readonly name = 'CustomerWindowClosedError';
}
