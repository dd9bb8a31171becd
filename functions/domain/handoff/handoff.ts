import type { CustomerLocation, MemoryEntry } from '../conversation/ports';
import type { Language } from '../language';
import type { Preferences } from '../preferences/preferences';
import type { Customer } from '../whatsapp/inboundMessage';

/** Why a person is called: the customer asked, the model decided, the assistant kept missing, a purchase to place, a question the store's facts do not answer. */
export type HandoffReason = 'customer_asked' | 'assistant' | 'misunderstanding' | 'purchase' | 'question';

/** Why the manager hears about a customer: a handoff, or an order from the catalog (the bot keeps answering). */
export type LeadReason = HandoffReason | 'order';

/** While it lasts the bot stays silent for the customer: a person is answering. */
export interface HandoffState {
  since: number;
  until: number;
  reason: HandoffReason;
}

export function isHandedOff(handoff: HandoffState | undefined, now: number): handoff is HandoffState {
  return handoff !== undefined && handoff.until > now;
}

/** What the manager and the CRM get about the customer. */
export interface LeadSummary {
  /** The customer's key: their number, or their BSUID. */
  waId: string;
  name?: string;
  /** How a person reaches them: the number when WhatsApp shares it, the username otherwise. */
  phone?: string;
  username?: string;
  language: Language;
  reason: LeadReason;
  /** What it is about, for the manager: the product to buy, the question asked. */
  subject?: string;
  preferences: Preferences;
  recent: MemoryEntry[];
  /** What the lead is worth, in whole tenge (an order's total). */
  amountTenge?: number;
  /** The last pin the customer sent: where they are, or where to deliver. */
  location?: CustomerLocation;
}

/** The store's CRM (Bitrix24 through its incoming webhook). */
export interface CrmLeads {
  isConfigured(): Promise<boolean>;
  /** undefined when the CRM is not configured. */
  createLead(summary: LeadSummary, text: string): Promise<{ leadId: string } | undefined>;
}

/** Who the lead is about, as far as the customer let WhatsApp tell us. */
export function leadIdentity(customer: Customer): Pick<LeadSummary, 'waId' | 'name' | 'phone' | 'username'> {
  return {
    waId: customer.waId,
    ...(customer.name ? { name: customer.name } : {}),
    ...(customer.phone ? { phone: customer.phone } : {}),
    ...(customer.username ? { username: customer.username } : {}),
  };
}
