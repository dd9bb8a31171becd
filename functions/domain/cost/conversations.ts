import type { LedgerRow } from './ledgerRow';

/** WhatsApp's customer service window: 24 hours from the customer's latest message. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Conversations in the ledger. A conversation is one customer's messages
 * within a customer service window: it starts with a customer's message
 * when their window was closed (no message of theirs in the previous 24
 * hours) and goes on while each message comes within 24 hours of the one
 * before. Counted from the consumer rows' `inbound` (messages per customer);
 * a window already open when the period starts counts as a conversation of
 * the period.
 */
export function conversationsPerCustomer(rows: readonly LedgerRow[]): Map<string, number> {
  const lastMessageAt = new Map<string, number>();
  const conversations = new Map<string, number>();
  const ordered = rows.filter((row) => row.inbound !== undefined).sort((a, b) => a.at.localeCompare(b.at));
  for (const row of ordered) {
    const at = Date.parse(row.at);
    for (const customer of Object.keys(row.inbound ?? {})) {
      const last = lastMessageAt.get(customer);
      if (last === undefined || at - last >= CUSTOMER_SERVICE_WINDOW_MS)
        conversations.set(customer, (conversations.get(customer) ?? 0) + 1);
      lastMessageAt.set(customer, at);
    }
  }
  return conversations;
}

export function conversationCount(rows: readonly LedgerRow[]): number {
  let total = 0;
  for (const count of conversationsPerCustomer(rows).values()) total += count;
  return total;
}
