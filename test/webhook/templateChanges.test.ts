import { describe, expect, it } from 'vitest';
import { queuedEventSchema } from '../../functions/contracts/queuedEvent';
import { deduplicationIdOf, messageGroupOf } from '../../functions/contracts/queuedEventFifo';
import { parseWebhook } from '../../functions/webhook/queuedEvents';

const RECEIVED_AT = Date.UTC(2026, 11, 4, 10);
const PHONE_NUMBER_ID = '100000000000001';

/** Meta's own examples, from the template_category_update and message_template_status_update webhook references. */
const accountChange = (field: string, value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: '102290129340398', time: 1739321024, changes: [{ field, value }] }],
});
const template = { message_template_id: 278077987957091, message_template_name: 'welcome_template', message_template_language: 'en-US' };

describe('template changes in the webhook', () => {
  it('queues a completed category change, in its template’s group', () => {
    const { events, ignored } = parseWebhook(
      accountChange('template_category_update', { ...template, previous_category: 'UTILITY', new_category: 'MARKETING' }),
      RECEIVED_AT,
      PHONE_NUMBER_ID,
    );
    expect(ignored).toEqual({});
    expect(events).toEqual([
      {
        v: 1,
        kind: 'template',
        receivedAt: RECEIVED_AT,
        wabaId: '102290129340398',
        template: {
          kind: 'category_changed',
          templateId: '278077987957091',
          name: 'welcome_template',
          language: 'en-US',
          at: 1739321024000,
          category: 'MARKETING',
          previousCategory: 'UTILITY',
        },
      },
    ]);
    const [event] = events;
    expect(queuedEventSchema.parse(event)).toEqual(event);
    expect(messageGroupOf(event!)).toBe('TEMPLATE#welcome_template');
    expect(deduplicationIdOf(event!)).toBe('template:278077987957091:en-US:category_changed:MARKETING:1739321024000');
  });

  it('tells the announcement of a change from the change: new_category is still the current one', () => {
    const { events } = parseWebhook(
      accountChange('template_category_update', {
        ...template,
        correct_category: 'MARKETING',
        new_category: 'UTILITY',
        category_update_timestamp: 1760711433,
      }),
      RECEIVED_AT,
      PHONE_NUMBER_ID,
    );
    expect(events[0]).toMatchObject({
      kind: 'template',
      template: { kind: 'category_change_announced', category: 'UTILITY', correctCategory: 'MARKETING', effectiveAt: 1760711433000 },
    });
  });

  it('queues an approval or a rejection with its category and reason', () => {
    const { events } = parseWebhook(
      accountChange('message_template_status_update', {
        event: 'REJECTED',
        message_template_id: 1689556908129835,
        message_template_name: 'abandoned_cart',
        message_template_language: 'en',
        reason: 'INVALID_FORMAT',
        message_template_category: 'MARKETING',
        rejection_info: { reason: 'Variables are next to each other.', recommendation: 'Add text between them.' },
      }),
      RECEIVED_AT,
      PHONE_NUMBER_ID,
    );
    expect(events[0]).toMatchObject({
      kind: 'template',
      template: { kind: 'status', name: 'abandoned_cart', status: 'REJECTED', category: 'MARKETING', reason: 'INVALID_FORMAT' },
    });
  });

  it('acknowledges an unreadable template change instead of refusing the signed body', () => {
    const { events, ignored } = parseWebhook(
      accountChange('template_category_update', { message_template_name: 'no_id', new_category: 'MARKETING' }),
      RECEIVED_AT,
      PHONE_NUMBER_ID,
    );
    expect(events).toEqual([]);
    expect(ignored).toEqual({ other_field: 1 });
  });
});
