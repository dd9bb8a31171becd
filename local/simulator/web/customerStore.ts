import type { Customer } from './chatTypes';
import type { ServerCustomer } from './simApiClient';

/**
 * The simulated customers: a few defaults, the ones added on this page (kept
 * in localStorage, so a reload keeps them) and anyone the server has a chat
 * with (another tab, a test, a curl).
 */

const STORAGE_KEY = 'zeta-sim.customers';
const SELECTED_KEY = 'zeta-sim.selected';

export const DEFAULT_CUSTOMERS: readonly Customer[] = [
  { waId: '77012345678', name: 'Айгерим' },
  { waId: '77773456789', name: 'Ерлан' },
  { waId: '77059876543', name: 'Anna' },
];

/** A customer with a username who withholds their number is known by a business-scoped user id (KZ.1502576394655843). */
const BSUID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

/** "77012345678" → "+7 701 234 5678", the way WhatsApp shows a Kazakh number; a BSUID as it is. */
export function formatPhone(waId: string): string {
  if (BSUID.test(waId)) return waId;
  const kazakh = /^7(\d{3})(\d{3})(\d{4})$/.exec(waId);
  return kazakh ? `+7 ${kazakh[1]} ${kazakh[2]} ${kazakh[3]}` : `+${waId}`;
}

/** What people type ("+7 701 234-56-78", "8 701 2345678", "7012345678", or a BSUID) → a wa_id, or undefined. */
export function phoneToWaId(input: string): string | undefined {
  if (BSUID.test(input.trim())) return input.trim();
  let digits = input.replace(/\D/g, '');
  if (/^8\d{10}$/.test(digits)) digits = `7${digits.slice(1)}`;
  if (/^7\d{9}$/.test(digits)) digits = `7${digits}`;
  return /^\d{6,15}$/.test(digits) ? digits : undefined;
}

function readStored(): Customer[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter((item): item is Customer => typeof item?.waId === 'string' && typeof item?.name === 'string')
      : [];
  } catch {
    return [];
  }
}

export class CustomerStore {
  private readonly customers = new Map<string, Customer>();
  /** Remembered across reloads; may name a customer only the server knows, until its list is merged in. */
  private selectedId = localStorage.getItem(SELECTED_KEY) ?? '';

  constructor() {
    for (const customer of [...DEFAULT_CUSTOMERS, ...readStored()]) this.customers.set(customer.waId, { ...customer });
  }

  /** Newest chat first, then the customers who have not written yet, as WhatsApp orders its chat list. */
  list(): Customer[] {
    return [...this.customers.values()].sort((a, b) => (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0));
  }

  get(waId: string): Customer | undefined {
    return this.customers.get(waId);
  }

  selected(): Customer {
    return this.customers.get(this.selectedId) ?? (this.customers.get((DEFAULT_CUSTOMERS[0] as Customer).waId) as Customer);
  }

  select(waId: string): void {
    if (!this.customers.has(waId)) return;
    this.selectedId = waId;
    localStorage.setItem(SELECTED_KEY, waId);
  }

  /** Adds or renames; returns the customer as stored. */
  add(customer: Customer): Customer {
    const stored = { ...this.customers.get(customer.waId), ...customer };
    this.customers.set(customer.waId, stored);
    const added = readStored().filter((known) => known.waId !== customer.waId);
    localStorage.setItem(STORAGE_KEY, JSON.stringify([...added, { waId: stored.waId, name: stored.name }]));
    return stored;
  }

  /** Chats the server knows: their last activity, and customers this page has not met. */
  mergeServer(serverCustomers: readonly ServerCustomer[]): void {
    for (const { waId, name, lastMessageAt } of serverCustomers) {
      const known = this.customers.get(waId);
      this.customers.set(waId, { waId, name: known?.name ?? name ?? `Клиент ${waId.slice(-4)}`, lastMessageAt });
    }
  }

  touch(waId: string, at: number): void {
    const customer = this.customers.get(waId);
    if (customer !== undefined && (customer.lastMessageAt ?? 0) < at) customer.lastMessageAt = at;
  }
}
