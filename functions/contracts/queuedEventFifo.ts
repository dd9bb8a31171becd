import type { QueuedEvent } from './queuedEvent';

/**
 * FIFO order is per customer: a customer's messages share a group. The
 * statuses of what we sent them have a group of their own per customer: their
 * order against the messages does not matter (ticks only move forward, by
 * their own timestamps), and a slow turn must not hold back the ticks and
 * charges behind it. A template's changes share one group.
 */
export function messageGroupOf(event: QueuedEvent): string {
  switch (event.kind) {
    case 'message':
      return event.customer.waId;
    case 'status':
      return `STATUS#${event.status.recipientId}`;
    case 'template':
      return `TEMPLATE#${event.template.name}`;
  }
}

export function deduplicationIdOf(event: QueuedEvent): string {
  switch (event.kind) {
    case 'message':
      return event.message.id;
    case 'status':
      return `${event.status.messageId}:${event.status.state}`;
    case 'template': {
      const { template } = event;
      const what = template.kind === 'status' ? template.status : template.category;
      return `template:${template.templateId}:${template.language}:${template.kind}:${what}:${template.at}`;
    }
  }
}
