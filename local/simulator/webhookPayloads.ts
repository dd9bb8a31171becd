import { randomBytes } from 'node:crypto';

export const LOCAL_WABA_ID = '200000000000001';
export const LOCAL_DISPLAY_PHONE = '77010000000';

/** Message ids shaped like WhatsApp's ("wamid." + base64). */
export function newWamid(): string {
  return `wamid.${randomBytes(24).toString('base64')}`;
}

export interface BusinessNumber {
  phoneNumberId: string;
  displayPhoneNumber?: string;
}

/** The envelope Meta wraps every `messages` change in. */
function messagesChange(business: BusinessNumber, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: LOCAL_WABA_ID,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: business.displayPhoneNumber ?? LOCAL_DISPLAY_PHONE,
                phone_number_id: business.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/**
 * A `messages` webhook carrying one customer message, as Meta sends it: `from`
 * is the phone number, `from_user_id` the business-scoped user id (a customer
 * with a username may come with that alone); the contact entry carries both,
 * and the username.
 */
export function messagesWebhook(
  business: BusinessNumber,
  message: Record<string, unknown> & { from?: string; from_user_id?: string },
  profile: { name?: string; username?: string } = {},
) {
  const id = message.from ?? message.from_user_id ?? '';
  return messagesChange(business, {
    contacts: [
      {
        profile: { name: profile.name ?? `Клиент ${id.slice(-4)}`, ...(profile.username ? { username: profile.username } : {}) },
        ...(message.from ? { wa_id: message.from } : {}),
        ...(message.from_user_id ? { user_id: message.from_user_id } : {}),
      },
    ],
    messages: [message],
  });
}

/** A `messages` webhook carrying delivery statuses of what the business sent. */
export function statusesWebhook(business: BusinessNumber, statuses: unknown[]) {
  return messagesChange(business, { statuses });
}

/** A WhatsApp Business Account change that is not about messages (template status, template category), as Meta sends it. */
export function accountWebhook(wabaId: string, change: { field: string; value: unknown }, at: number) {
  return {
    object: 'whatsapp_business_account',
    entry: [{ id: wabaId, time: Math.floor(at / 1000), changes: [change] }],
  };
}
