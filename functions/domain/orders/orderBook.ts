import type { PricedOrder } from './pricedOrder';

/** Where the customer's orders are kept, with the rest of what is stored about them. */
export interface OrderBook {
  /** 'known' when this order was recorded before (Meta delivered the message again). */
  record(waId: string, order: PricedOrder, at: number): Promise<'new' | 'known'>;
}
