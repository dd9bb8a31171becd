import type { FirstPricing } from '../../adapters/dynamodb/dynamoDeliveryStatusRecorder';
import { featureOfTemplate } from '../../domain/cost/features';
import { whatsappMarketOf } from '../../domain/cost/whatsappMarket';
import { customerRef } from '../customerRef';
import { currentMeter } from '../usageMeterContext';

/**
 * Books a message's WhatsApp charge in the invocation that processed its
 * first priced status, priced on the status's day in the recipient's market,
 * and attributed to the feature that sent it (its template says which) and
 * to the customer it went to.
 */
export function bookWhatsAppCharge({ status, template }: FirstPricing): void {
  const { pricing } = status;
  if (pricing === undefined) return;
  currentMeter()?.record({
    kind: 'whatsapp',
    category: pricing.category,
    market: whatsappMarketOf(status.recipientId),
    billable: pricing.billable,
    at: status.timestamp,
    attributeTo: {
      feature: featureOfTemplate(template),
      customerRef: customerRef(status.recipientId),
      ...(template === undefined ? {} : { template }),
    },
  });
}
