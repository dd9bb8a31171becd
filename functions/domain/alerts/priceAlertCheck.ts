import type { Product } from '../catalog/product';
import type { ProductSource } from '../conversation/ports';
import { shouldFire, type PriceAlert, type PriceAlertRepository } from './priceAlert';

export interface AlertCheckReport {
  products: number;
  /** Alerts looked at. */
  checked: number;
  /** Notifications sent (and their alerts removed). */
  fired: number;
  /** Sends that failed; their alerts stay for the next run. */
  failed: number;
  /** Due but not sent: the customer opted out, or another run is sending it. */
  skipped: number;
}

export type NotifyOutcome = 'sent' | 'opted_out';

export interface PriceDropNotifier {
  notify(alert: PriceAlert, product: Product): Promise<NotifyOutcome>;
}

export interface AlertCheckDependencies {
  alerts: PriceAlertRepository;
  catalog: ProductSource;
  notifier: PriceDropNotifier;
  /** Told of every failure; the run goes on with the other alerts and products. */
  onFailure: (where: { productId: string; waId?: string }, error: unknown) => void;
  /** Products checked at once: bounded so a big catalog does not flood DynamoDB. */
  concurrency?: number;
}

/**
 * The daily price check: for every product, its alerts through the
 * by-product index; each alert whose target the current price reaches is
 * claimed for this run, notified, and removed. A failed send releases its
 * claim and does not stop the others.
 */
export class PriceAlertCheck {
  constructor(private readonly deps: AlertCheckDependencies) {}

  async run(runId: string): Promise<AlertCheckReport> {
    const products = await this.deps.catalog.allProducts({ fresh: true });
    const report: AlertCheckReport = { products: products.length, checked: 0, fired: 0, failed: 0, skipped: 0 };
    const queue = [...products];
    const worker = async () => {
      for (let product = queue.shift(); product !== undefined; product = queue.shift()) {
        try {
          await this.checkProduct(product, runId, report);
        } catch (error) {
          report.failed += 1;
          this.deps.onFailure({ productId: product.id }, error);
        }
      }
    };
    await Promise.all(Array.from({ length: this.deps.concurrency ?? 8 }, worker));
    return report;
  }

  private async checkProduct(product: Product, runId: string, report: AlertCheckReport): Promise<void> {
    const alerts = await this.deps.alerts.forProduct(product.id);
    for (const alert of alerts) {
      report.checked += 1;
      if (!shouldFire(alert, product.price)) continue;
      if (!(await this.deps.alerts.claim(alert, runId))) {
        report.skipped += 1;
        continue;
      }
      let outcome: NotifyOutcome;
      try {
        outcome = await this.deps.notifier.notify(alert, product);
      } catch (error) {
        report.failed += 1;
        this.deps.onFailure(alert, error);
        await this.deps.alerts.release(alert).catch((releaseError: unknown) => this.deps.onFailure(alert, releaseError));
        continue;
      }
      if (outcome === 'opted_out') {
        await this.deps.alerts.release(alert);
        report.skipped += 1;
        continue;
      }
      report.fired += 1;
      // Sent: from here on the claim is never given back, so no run can notify this alert again.
      await this.deps.alerts.remove(alert.waId, alert.productId).catch((error: unknown) => this.deps.onFailure(alert, error));
    }
  }
}
