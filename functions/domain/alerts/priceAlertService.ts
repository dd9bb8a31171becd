import type { Product } from '../catalog/product';
import type { Language } from '../language';
import { defaultTarget, MAX_ALERTS_PER_CUSTOMER, type PriceAlert, type PriceAlertRepository } from './priceAlert';

export type SetAlertOutcome =
  | { kind: 'created' | 'updated'; alert: PriceAlert }
  /** The price is already at or below the target: nothing to wait for. */
  | { kind: 'already_there'; product: Product; targetPrice: number }
  | { kind: 'limit_reached'; limit: number };

/** Setting, listing and cancelling a customer's price alerts. */
export class PriceAlertService {
  constructor(
    private readonly alerts: PriceAlertRepository,
    private readonly now: () => number,
  ) {}

  async set(waId: string, product: Product, language: Language, targetPrice?: number): Promise<SetAlertOutcome> {
    if (targetPrice !== undefined && targetPrice >= product.price) {
      return { kind: 'already_there', product, targetPrice };
    }
    const existing = await this.alerts.forCustomer(waId);
    const replacing = existing.some((alert) => alert.productId === product.id);
    if (!replacing && existing.length >= MAX_ALERTS_PER_CUSTOMER) return { kind: 'limit_reached', limit: MAX_ALERTS_PER_CUSTOMER };
    const alert: PriceAlert = {
      waId,
      productId: product.id,
      productName: product.name,
      priceAtSet: product.price,
      targetPrice: targetPrice ?? defaultTarget(product.price),
      createdAt: this.now(),
      language,
    };
    await this.alerts.save(alert);
    return { kind: replacing ? 'updated' : 'created', alert };
  }

  list(waId: string): Promise<PriceAlert[]> {
    return this.alerts.forCustomer(waId);
  }

  cancel(waId: string, productId: string): Promise<boolean> {
    return this.alerts.remove(waId, productId);
  }

  async cancelAll(waId: string): Promise<number> {
    const alerts = await this.alerts.forCustomer(waId);
    await Promise.all(alerts.map((alert) => this.alerts.remove(waId, alert.productId)));
    return alerts.length;
  }
}
