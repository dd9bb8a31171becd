import type { PriceAlert, PriceAlertRepository } from '../../functions/domain/alerts/priceAlert';

/** The alert repository port held in memory, for unit tests of code that sets alerts (dynalite covers the real one). */
export class InMemoryPriceAlerts implements PriceAlertRepository {
  readonly alerts = new Map<string, PriceAlert & { claimedBy?: string }>();

  async forCustomer(waId: string): Promise<PriceAlert[]> {
    return [...this.alerts.values()].filter((alert) => alert.waId === waId);
  }

  async save(alert: PriceAlert): Promise<void> {
    this.alerts.set(`${alert.waId}/${alert.productId}`, { ...alert });
  }

  async remove(waId: string, productId: string): Promise<boolean> {
    return this.alerts.delete(`${waId}/${productId}`);
  }

  async forProduct(productId: string): Promise<PriceAlert[]> {
    return [...this.alerts.values()].filter((alert) => alert.productId === productId);
  }

  async claim(alert: PriceAlert, runId: string): Promise<boolean> {
    const stored = this.alerts.get(`${alert.waId}/${alert.productId}`);
    if (stored === undefined || stored.claimedBy !== undefined) return false;
    stored.claimedBy = runId;
    return true;
  }

  async release(alert: PriceAlert): Promise<void> {
    const stored = this.alerts.get(`${alert.waId}/${alert.productId}`);
    if (stored) delete stored.claimedBy;
  }
}
