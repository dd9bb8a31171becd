/**
 * What an invocation was doing, for "what does each feature cost". A small,
 * fixed set: it is a CloudWatch dimension, and every value is a billed metric.
 */
export const FEATURES = [
  'voice',
  'image',
  'text',
  'interactive',
  'welcome',
  'statuses',
  'alerts',
  'followups',
  'webhook',
  'catalog_images',
  /** The ledger writer: the API functions' cost rows, from their logs to the ledger. */
  'ledger',
  'service_reply',
  'whatsapp',
  'other',
] as const;
export type Feature = (typeof FEATURES)[number];

/**
 * A consumer batch can hold several kinds of work; the invocation is booked
 * to the one that costs the most to serve (a voice note outweighs the
 * statuses that came with it). Earlier in the list wins.
 */
const PRECEDENCE: readonly Feature[] = FEATURES;

export function weightier(current: Feature | undefined, candidate: Feature): Feature {
  if (current === undefined) return candidate;
  return PRECEDENCE.indexOf(candidate) < PRECEDENCE.indexOf(current) ? candidate : current;
}

/** The feature that sent a template, from its name in templates/message_templates.yaml. */
const TEMPLATE_FEATURES: Readonly<Record<string, Feature>> = {
  price_alert_notification: 'alerts',
  new_products_notification: 'followups',
  service_reply: 'service_reply',
};

/** Free-form messages are the turn's own answers; their charge (if any) is WhatsApp's, booked as such. */
export function featureOfTemplate(template: string | undefined): Feature {
  if (template === undefined) return 'whatsapp';
  return TEMPLATE_FEATURES[template] ?? 'whatsapp';
}
