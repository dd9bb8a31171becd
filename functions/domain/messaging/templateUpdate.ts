import * as z from 'zod/mini';
import { TEMPLATE_CATEGORIES } from './templateCategoryNames';

const templateRef = {
  templateId: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  language: z.string().check(z.minLength(1)),
  /** Milliseconds: when Meta sent the change (the webhook entry's time). */
  at: z.number(),
};

/**
 * What Meta says about one of the account's templates, lifted out of its
 * WhatsApp Business Account webhooks: the template_category_update webhook
 * (a change announced 24 hours ahead, then the change made) and the approval
 * outcome of message_template_status_update, which carries the category the
 * template was approved in.
 */
export const templateUpdateSchema = z.discriminatedUnion('kind', [
  /** The category is changed: sends are billed, and marketing ones routed, by `category` from now on. */
  z.object({
    kind: z.literal('category_changed'),
    ...templateRef,
    category: z.enum(TEMPLATE_CATEGORIES),
    previousCategory: z.optional(z.string()),
  }),
  /** The category will change at `effectiveAt`: monitoring only, Meta says not to route on it. */
  z.object({
    kind: z.literal('category_change_announced'),
    ...templateRef,
    category: z.string(),
    correctCategory: z.string(),
    effectiveAt: z.optional(z.number()),
  }),
  /** Approved, rejected, paused…; an approval carries the category Meta approved it in. */
  z.object({
    kind: z.literal('status'),
    ...templateRef,
    status: z.string(),
    category: z.optional(z.string()),
    reason: z.optional(z.string()),
  }),
]);

export type TemplateUpdate = z.infer<typeof templateUpdateSchema>;
