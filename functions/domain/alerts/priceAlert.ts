import type { Language } from '../language';

/** A customer's request to hear when a product gets cheaper. */
export interface PriceAlert {
  waId: string;
  productId: string;
  productName: string;
  /** The price when the alert was set: the "was" of the notification. */
  priceAtSet: number;
  /** Notify when the price is at or below this. */
  targetPrice: number;
  createdAt: number;
  language: Language;
}

export const MAX_ALERTS_PER_CUSTOMER = 20;

/** Without a named target, any drop below today's price counts. */
export function defaultTarget(price: number): number {
  return price - 1;
}

export function shouldFire(alert: PriceAlert, currentPrice: number): boolean {
  return currentPrice <= alert.targetPrice && currentPrice < alert.priceAtSet;
}

export function discountPercent(from: number, to: number): number {
  return Math.max(1, Math.round((1 - to / from) * 100));
}

export interface PriceAlertRepository {
  forCustomer(waId: string): Promise<PriceAlert[]>;
  /** One alert per customer and product: setting it again replaces it. */
  save(alert: PriceAlert): Promise<void>;
  remove(waId: string, productId: string): Promise<boolean>;
  /** Every alert on one product, through the by-product index: the daily check never scans the table. */
  forProduct(productId: string): Promise<PriceAlert[]>;
  /**
   * Marks the alert as being notified by this run, if no run did: a check that
   * crashed half-way and runs again never notifies anyone twice.
   */
  claim(alert: PriceAlert, runId: string): Promise<boolean>;
  /** Gives the claim back after a send that certainly failed, so the next run tries again. */
  release(alert: PriceAlert): Promise<void>;
}
