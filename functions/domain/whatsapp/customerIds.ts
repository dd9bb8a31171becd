import type { Customer } from './inboundMessage';

/**
 * A business-scoped user id as Meta forms it: the two-letter country code, a
 * dot, and up to 128 letters and digits; a parent BSUID has "ENT." after the
 * country (US.ENT.11815799212886844830).
 */
const BSUID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

export function isBusinessScopedUserId(id: string): boolean {
  return BSUID.test(id);
}

/** Where to send: the phone number when WhatsApp shares it (Meta's advice), the BSUID otherwise. */
export function addressOf(customer: Pick<Customer, 'waId' | 'phone' | 'userId'>): string {
  return customer.phone ?? customer.userId ?? customer.waId;
}

/** How a person reaches the customer: "+<number>", "@<username>", or the BSUID when that is all there is. */
export function contactLine(customer: { waId: string; phone?: string | undefined; username?: string | undefined }): string {
  if (customer.phone) return `+${customer.phone}`;
  if (!isBusinessScopedUserId(customer.waId)) return `+${customer.waId}`;
  return customer.username ? `@${customer.username} (${customer.waId})` : customer.waId;
}
