import type { OutgoingCustomerMessage } from './chatTypes';

/** The simulator's side of the local contract, as the page calls it: same origin, under /sim/api/. */

export class SimApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<Result>(path: string, init?: RequestInit): Promise<Result> {
  const response = await fetch(`/sim/api/${path}`, init);
  const text = await response.text();
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) {
    const error = (body as { error?: string } | undefined)?.error;
    throw new SimApiError(response.status, error ?? `${response.status} ${response.statusText}`);
  }
  return body as Result;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export interface ServerCustomer {
  waId: string;
  name?: string;
  lastMessageAt: number;
}

export interface StoredProfile {
  waId: string;
  name?: string;
  language: string;
  firstSeenAt: number;
  lastInboundAt: number;
  messageCount: number;
  preferences: {
    colors: Record<string, number>;
    styles: Record<string, number>;
    categories: Record<string, number>;
    budgetMin?: number;
    budgetMax?: number;
  };
  recentViews: Array<{ id: string; name?: string; price?: number }>;
}

/** A template as the WhatsApp Business Account holds it: the approved words, parameters as {{1}}, {{2}}… */
export interface AccountTemplate {
  name: string;
  language: string;
  status: string;
  body: string;
  headerText?: string;
  footer?: string;
  quickReplies: string[];
}

export const simApi = {
  customers: () => call<ServerCustomer[]>('customers'),

  templates: () => call<AccountTemplate[]>('templates'),

  /** Wrapped by the simulator in a signed webhook, exactly as Meta would deliver it. */
  send: (message: OutgoingCustomerMessage) => call<{ id: string }>('messages', json(message)),

  /** Raw bytes with their type; the answer's id goes into an `image` or `audio` message. */
  uploadMedia: (file: Blob) =>
    call<{ id: string }>('media', { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file }),

  mediaUrl: (mediaId: string) => `/sim/api/media/${encodeURIComponent(mediaId)}`,

  markRead: (waId: string, messageId: string) => call<{ success: boolean }>('read', json({ wa_id: waId, id: messageId })),

  /** Undefined until the assistant has stored something about the customer. */
  profile: async (waId: string): Promise<StoredProfile | undefined> => {
    try {
      return await call<StoredProfile>(`customers/${encodeURIComponent(waId)}/profile`);
    } catch (error) {
      if (error instanceof SimApiError && error.status === 404) return undefined;
      throw error;
    }
  },

  changePrices: (prices: Record<string, number>) => call<{ updated: number }>('catalog/prices', json(prices)),

  eventsUrl: (waId: string) => `/sim/api/events?wa_id=${encodeURIComponent(waId)}`,
};
