import type { DeliveryState } from '../../functions/domain/whatsapp/deliveryState';

/** One line of a customer's chat, as `GET /sim/api/messages` returns it. */
export interface LoggedMessage {
  direction: 'in' | 'out';
  id: string;
  /** Milliseconds since the epoch (WhatsApp's own timestamp for inbound messages). Lines are in arrival order. */
  timestamp: number;
  /** The inbound webhook message object, or the outbound Graph API request body exactly as sent. */
  payload: unknown;
  /** Outbound only: the latest delivery state WhatsApp reported. */
  status?: DeliveryState;
}

export interface CustomerSummary {
  waId: string;
  name?: string;
  lastMessageAt: number;
}

type Listener = (waId: string, message: LoggedMessage) => void;

const STATE_ORDER: Record<DeliveryState, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * What the local WhatsApp stand-in has seen per customer: every accepted
 * inbound message once (Meta's redeliveries do not repeat it) and every
 * outbound request. The simulator page and the tests read it.
 */
export class ConversationLog {
  private readonly byCustomer = new Map<string, LoggedMessage[]>();
  private readonly names = new Map<string, string>();
  private readonly seenInbound = new Set<string>();
  private readonly outboundOwner = new Map<string, string>();
  private readonly listeners = new Set<Listener>();
  /** Meta's contact book, as far as the chats tell it: a phone number and a BSUID seen together are one chat. */
  private readonly chatOfIdentifier = new Map<string, string>();
  private readonly identities = new Map<string, { phone?: string; userId?: string }>();

  /** A customer's message; `from` is their phone number, `userId` their BSUID (a customer with a username may have only that). */
  recordInbound(from: { phone?: string; userId?: string }, message: { id: string; timestamp?: string | number }, name?: string): void {
    const waId = this.link(from);
    if (waId === undefined) return;
    if (name) this.names.set(waId, name);
    if (this.seenInbound.has(message.id)) return;
    this.seenInbound.add(message.id);
    const seconds = Number(message.timestamp);
    const timestamp = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : Date.now();
    this.append(waId, { direction: 'in', id: message.id, timestamp, payload: message });
  }

  /** `to` is a phone number or a BSUID: either finds the chat. */
  recordOutbound(to: string, id: string, timestamp: number, body: unknown): void {
    const waId = this.chatOf(to);
    this.outboundOwner.set(id, waId);
    this.append(waId, { direction: 'out', id, timestamp, payload: body });
  }

  /** The chat an identifier belongs to: the one it was first seen in, or its own. */
  chatOf(identifier: string): string {
    return this.chatOfIdentifier.get(identifier) ?? identifier;
  }

  /** The phone number and BSUID known for the user an identifier belongs to. */
  contactOf(identifier: string): { phone?: string; userId?: string } {
    return this.identities.get(this.chatOf(identifier)) ?? {};
  }

  private link(from: { phone?: string; userId?: string }): string | undefined {
    const { phone, userId } = from;
    const known =
      (phone === undefined ? undefined : this.chatOfIdentifier.get(phone)) ??
      (userId === undefined ? undefined : this.chatOfIdentifier.get(userId));
    const waId = known ?? phone ?? userId;
    if (waId === undefined) return undefined;
    const identity = { ...this.identities.get(waId) };
    if (phone !== undefined) {
      this.chatOfIdentifier.set(phone, waId);
      identity.phone = phone;
    }
    if (userId !== undefined) {
      this.chatOfIdentifier.set(userId, waId);
      identity.userId = userId;
    }
    this.identities.set(waId, identity);
    return waId;
  }

  applyStatus(messageId: string, state: DeliveryState): void {
    const waId = this.outboundOwner.get(messageId);
    const message = waId === undefined ? undefined : this.byCustomer.get(waId)?.find((entry) => entry.id === messageId);
    if (waId === undefined || message === undefined) return;
    if (message.status !== undefined && STATE_ORDER[message.status] >= STATE_ORDER[state]) return;
    message.status = state;
    this.notify(waId, message);
  }

  /** By phone number or BSUID, whichever the customer is known by. */
  messages(waId: string): LoggedMessage[] {
    return [...(this.byCustomer.get(this.chatOf(waId)) ?? [])];
  }

  /** The customer service window opens with the customer's last message. */
  lastInboundAt(waId: string): number | undefined {
    const inbound = this.byCustomer.get(this.chatOf(waId))?.filter((entry) => entry.direction === 'in') ?? [];
    return inbound.length === 0 ? undefined : Math.max(...inbound.map((entry) => entry.timestamp));
  }

  customers(): CustomerSummary[] {
    return [...this.byCustomer.entries()]
      .map(([waId, messages]) => {
        const name = this.names.get(waId);
        const lastMessageAt = messages.at(-1)?.timestamp ?? 0;
        return name === undefined ? { waId, lastMessageAt } : { waId, name, lastMessageAt };
      })
      .sort((a, b) => b.lastMessageAt - a.lastMessageAt);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private append(waId: string, message: LoggedMessage): void {
    const messages = this.byCustomer.get(waId) ?? [];
    // Arrival order: WhatsApp stamps customer messages in whole seconds, so sorting by timestamp would put a tap
    // before the answer it replies to when both fall in the same second.
    messages.push(message);
    this.byCustomer.set(waId, messages);
    this.notify(waId, message);
  }

  private notify(waId: string, message: LoggedMessage): void {
    for (const listener of this.listeners) listener(waId, message);
  }
}
