/**
 * "Delete my data" is confirmed with a button that carries a short-lived
 * nonce: only the confirmation the customer was just asked for erases, once,
 * within its time — never a bare `forget:yes` sent by a crafted client, nor a
 * button tapped in an old chat weeks later.
 */
export interface ErasureConfirmations {
  /** Remembers the pending confirmation (replacing an earlier one) until `until` (ms since the epoch). */
  ask(waId: string, nonce: string, until: number): Promise<void>;
  /** True once, for the pending nonce before its time runs out; it is used up either way it matches. */
  confirm(waId: string, nonce: string, now: number): Promise<boolean>;
}
