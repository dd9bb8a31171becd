import type { PriceAlertRepository } from '../../domain/alerts/priceAlert';
import { currentMeter } from '../usageMeterContext';

/** Counts price alerts customers set (a new one, or a new target for one they had). */
export function countingAlertSaves(alerts: PriceAlertRepository): PriceAlertRepository {
  return {
    forCustomer: (waId) => alerts.forCustomer(waId),
    async save(alert) {
      await alerts.save(alert);
      currentMeter()?.count('price_alerts_set');
    },
    remove: (waId, productId) => alerts.remove(waId, productId),
    forProduct: (productId) => alerts.forProduct(productId),
    claim: (alert, runId) => alerts.claim(alert, runId),
    release: (alert) => alerts.release(alert),
  };
}
