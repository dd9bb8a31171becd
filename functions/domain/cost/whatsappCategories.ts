/**
 * WhatsApp's pricing categories, as Meta bills a message. A module of its own
 * so that pricing a message needs no schema of the pricing file (validated at
 * build, lib/bundling/dataModules.ts).
 */
export const WHATSAPP_CATEGORIES = ['marketing', 'utility', 'authentication', 'service'] as const;
export type WhatsAppCategory = (typeof WHATSAPP_CATEGORIES)[number];
