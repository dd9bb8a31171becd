import * as z from 'zod/mini';
import type { QueuedEvent } from '../contracts/queuedEvent';
import { TEMPLATE_CATEGORIES } from '../domain/messaging/templateCategoryNames';
import type { TemplateUpdate } from '../domain/messaging/templateUpdate';
import { nonEmpty } from './cloudApiWebhook';

const id = z.pipe(z.union([z.number(), nonEmpty]), z.transform(String));

const templateRef = {
  message_template_id: id,
  message_template_name: nonEmpty,
  message_template_language: nonEmpty,
};

/**
 * template_category_update, as Meta documents it (webhooks/reference/
 * template_category_update): an impending change carries `correct_category`
 * (and `new_category` is still the current one); a completed change carries
 * `previous_category` and `new_category`.
 */
const categoryUpdateSchema = z.looseObject({
  ...templateRef,
  new_category: z.string(),
  previous_category: z.optional(z.string()),
  correct_category: z.optional(z.string()),
  category_update_timestamp: z.optional(z.number()),
});

/** message_template_status_update: APPROVED, REJECTED, PAUSED…, with the category it was approved in. */
const statusUpdateSchema = z.looseObject({
  ...templateRef,
  event: z.string(),
  message_template_category: z.optional(z.string()),
  reason: z.optional(z.nullable(z.string())),
});

function updateOf(field: string, value: unknown, at: number): TemplateUpdate | undefined {
  if (field === 'template_category_update') {
    const parsed = categoryUpdateSchema.safeParse(value);
    if (!parsed.success) return undefined;
    const change = parsed.data;
    const ref = {
      templateId: change.message_template_id,
      name: change.message_template_name,
      language: change.message_template_language,
      at,
    };
    if (change.correct_category !== undefined) {
      return {
        kind: 'category_change_announced',
        ...ref,
        category: change.new_category,
        correctCategory: change.correct_category,
        ...(change.category_update_timestamp === undefined ? {} : { effectiveAt: change.category_update_timestamp * 1000 }),
      };
    }
    const category = z.enum(TEMPLATE_CATEGORIES).safeParse(change.new_category);
    if (!category.success) return undefined;
    return {
      kind: 'category_changed',
      ...ref,
      category: category.data,
      ...(change.previous_category === undefined ? {} : { previousCategory: change.previous_category }),
    };
  }
  if (field === 'message_template_status_update') {
    const parsed = statusUpdateSchema.safeParse(value);
    if (!parsed.success) return undefined;
    const change = parsed.data;
    return {
      kind: 'status',
      templateId: change.message_template_id,
      name: change.message_template_name,
      language: change.message_template_language,
      at,
      status: change.event,
      ...(change.message_template_category === undefined ? {} : { category: change.message_template_category }),
      ...(change.reason ? { reason: change.reason } : {}),
    };
  }
  return undefined;
}

/**
 * A WhatsApp Business Account change about a template, as a queued event, or
 * undefined for the fields the assistant does not follow. A change it cannot
 * read is ignored like any unfollowed field: one odd part never makes Meta's
 * signed body a 400.
 */
export function templateEventOf(
  change: { field: string; value: unknown },
  entry: { id: string; time?: unknown },
  receivedAt: number,
): QueuedEvent | undefined {
  const at = typeof entry.time === 'number' ? entry.time * 1000 : receivedAt;
  const template = updateOf(change.field, change.value, at);
  return template === undefined ? undefined : { v: 1, kind: 'template', receivedAt, wabaId: entry.id, template };
}
