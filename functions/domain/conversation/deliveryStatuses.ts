import type { DeliveryState } from '../whatsapp/deliveryState';
import type { DeliveryStatus } from '../whatsapp/inboundMessage';

/** Ticks only move forward: a late "delivered" must not undo "read". */
export const DELIVERY_RANK: Record<DeliveryState, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };

export interface DeliveryStatusRecorder {
  /** 'stale' when a later state was already recorded. */
  record(status: DeliveryStatus): Promise<'applied' | 'stale'>;
}
