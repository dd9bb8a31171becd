/**
 * What the page reads from the local contract: chat lines as `/sim/api/events`
 * and `/sim/api/messages` give them. Inbound payloads are the webhook message
 * objects the customer sent; outbound payloads are Graph API request bodies
 * exactly as the assistant sent them. Only the fields the page draws are typed.
 */
export type { LoggedMessage } from '../conversationLog';
export type { DeliveryState } from '../../../functions/domain/whatsapp/deliveryState';

export interface Customer {
  /** As WhatsApp's wa_id: the phone number in digits, or the business-scoped user id of a customer with a username. */
  waId: string;
  name: string;
  lastMessageAt?: number;
}

export interface MediaReference {
  link?: string;
  id?: string;
}

// --- what the business sent (Graph API request bodies) ---

export interface ReplyButton {
  type: 'reply';
  reply: { id: string; title: string };
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ListSection {
  title?: string;
  rows: ListRow[];
}

export interface ButtonInteractive {
  type: 'button';
  header?: { type: 'text'; text: string } | { type: 'image'; image: MediaReference };
  body: { text: string };
  footer?: { text: string };
  action: { buttons: ReplyButton[] };
}

export interface ListInteractive {
  type: 'list';
  header?: { type: 'text'; text: string };
  body: { text: string };
  footer?: { text: string };
  action: { button: string; sections: ListSection[] };
}

export interface TemplateParameter {
  type: string;
  parameter_name?: string;
  text?: string;
  payload?: string;
  currency?: { fallback_value: string };
  date_time?: { fallback_value: string };
  image?: MediaReference;
}

export interface TemplateComponent {
  type: 'header' | 'body' | 'button';
  sub_type?: string;
  index?: string | number;
  parameters: TemplateParameter[];
}

export interface TemplateBody {
  name: string;
  language: { code: string };
  components?: TemplateComponent[];
}

export type BusinessMessage = { to: string; context?: { message_id: string } } & (
  | { type: 'text'; text: { body: string } }
  | { type: 'image'; image: MediaReference & { caption?: string } }
  | { type: 'interactive'; interactive: ButtonInteractive | ListInteractive }
  | { type: 'template'; template: TemplateBody }
);

// --- what the customer sent (webhook message objects) ---

/**
 * Every part is optional past `type`: the page shows whatever WhatsApp may
 * send, including what a test or curl posts (flows, call permissions, orders,
 * pins, edits), and a broken message must not break the chat.
 */
export type CustomerMessage = {
  id: string;
  /** The phone number; absent for a customer with a username who withholds it (then `from_user_id`). */
  from?: string;
  from_user_id?: string;
  timestamp: string;
  context?: { from?: string; id?: string };
} & (
  | { type: 'text'; text?: { body?: string } }
  | { type: 'image'; image?: { id?: string; mime_type?: string; caption?: string } }
  | { type: 'audio'; audio?: { id?: string; mime_type?: string; voice?: boolean } }
  | {
      type: 'interactive';
      interactive?: {
        type?: string;
        button_reply?: { id: string; title: string };
        list_reply?: ListRow;
        nfm_reply?: { name?: string; body?: string };
        call_permission_reply?: { response?: string };
      };
    }
  | { type: 'button'; button?: { payload?: string; text?: string } }
  | { type: 'location'; location?: { latitude?: number | string; longitude?: number | string; name?: string; address?: string } }
  | { type: 'order'; order?: { product_items?: Array<{ product_retailer_id?: string; quantity?: number | string }>; text?: string } }
  | { type: 'edit'; edit?: { message?: { text?: { body?: string }; image?: { caption?: string } } } }
  | { type: 'reaction'; reaction?: { emoji?: string } }
  | { type: 'video' | 'document' | 'sticker'; video?: { caption?: string }; document?: { caption?: string; filename?: string } }
  | { type: 'contacts'; contacts?: unknown[] }
  | { type: 'revoke' | 'system' | 'request_welcome' | 'unsupported' | 'unknown' }
);

/** Omit applied to each kind of message separately (plain Omit would merge the kinds into one). */
type WithoutIdentity<Kind> = Kind extends unknown ? Omit<Kind, 'id' | 'timestamp'> : never;

/** A message the customer is about to send: the simulator fills in `id` and `timestamp`; `name` is their WhatsApp profile name. */
export type OutgoingCustomerMessage = WithoutIdentity<CustomerMessage> & { name?: string };
