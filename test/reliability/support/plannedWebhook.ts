import { contact, listReply, textMessage, webhookBody } from '../../support/cloudApiPayloads';
import type { PlannedCustomer, PlannedMessage } from './loadPlan';

/** The Cloud API webhook body Meta would send for one planned message, as the raw JSON to sign. */
export function plannedWebhook(customer: PlannedCustomer, message: PlannedMessage): string {
  const inbound =
    message.kind === 'text'
      ? textMessage(customer.waId, message.text, message.id)
      : listReply(customer.waId, message.replyId, message.title, undefined, message.id);
  return JSON.stringify(webhookBody({ contacts: [contact(customer.waId)], messages: [inbound] }));
}
