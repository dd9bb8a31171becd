import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { TemplateCategory } from '../../functions/domain/messaging/templateCategory';
import {
  reviewTemplate,
  type RejectionReason,
  type TemplateRefusal,
  type TemplateSubmission,
} from '../../functions/domain/messaging/templateReview';

/** The request body of POST /{waba-id}/message_templates, as far as the review reads it. */
const createSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string(),
  /** Positional ({{1}}) when left out, as the app sends them. */
  parameter_format: z.enum(['POSITIONAL', 'positional']).optional(),
  components: z
    .array(
      z.looseObject({
        type: z.string(),
        format: z.string().optional(),
        text: z.string().optional(),
        example: z.looseObject({ body_text: z.array(z.array(z.string())).optional() }).optional(),
        buttons: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
      }),
    )
    .min(1),
});

export type TemplateStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface RegisteredTemplate {
  id: string;
  name: string;
  language: string;
  /** The category Meta assigned: a UTILITY submission judged promotional is MARKETING. */
  category: TemplateCategory;
  status: TemplateStatus;
  rejectedReason?: RejectionReason;
  rejectionInfo?: { reason: string; recommendation: string };
  /** Set while a category change is announced and not yet made (the 24-hour notice). */
  correctCategory?: TemplateCategory;
  submission: TemplateSubmission;
}

/** A WhatsApp Business Account webhook change, as Meta posts it under `entry[].changes[]`. */
export interface AccountChange {
  field: 'message_template_status_update' | 'template_category_update';
  value: Record<string, unknown>;
}

export type TemplateCreation =
  | { ok: true; template: RegisteredTemplate }
  | { ok: false; refusal: TemplateRefusal }
  /** Not a template request at all (no components, not JSON): Meta's plain invalid-parameter error. */
  | { ok: false; message: string };

function submissionOf(body: z.infer<typeof createSchema>): TemplateSubmission {
  const component = (type: string) => body.components.find((candidate) => candidate.type.toUpperCase() === type);
  const buttons = component('BUTTONS')?.buttons ?? [];
  const header = component('HEADER');
  const footer = component('FOOTER')?.text;
  const examples = component('BODY')?.example?.body_text?.[0];
  return {
    name: body.name,
    language: body.language,
    category: body.category.toUpperCase(),
    body: component('BODY')?.text ?? '',
    ...(examples === undefined ? {} : { examples }),
    ...(header?.format?.toUpperCase() === 'TEXT' && header.text !== undefined ? { headerText: header.text } : {}),
    ...(footer === undefined ? {} : { footer }),
    quickReplies: buttons.filter((button) => button.type.toUpperCase() === 'QUICK_REPLY').map((button) => button.text ?? ''),
    otherButtons: buttons.filter((button) => button.type.toUpperCase() !== 'QUICK_REPLY').length,
  };
}

/**
 * The WhatsApp Business Account's templates as Meta keeps them: a submission
 * with a format mistake is refused at once (Meta's error code and words); an
 * accepted one is PENDING, then APPROVED in the category Meta assigns or
 * REJECTED with the reason, and each outcome is told as a
 * message_template_status_update webhook. Approved templates can be
 * re-categorised later (template_category_update: the notice, then the
 * change). Only approved templates can be sent.
 */
export class TemplateRegistry {
  private readonly templates = new Map<string, RegisteredTemplate>();

  constructor(
    private readonly options: {
      reviewMs?: number;
      /** Where the account's webhooks go: the local runtime signs and posts them to /webhook. */
      onChange?: (change: AccountChange) => void;
      now?: () => number;
    } = {},
  ) {}

  create(body: unknown): TemplateCreation {
    const parsed = createSchema.safeParse(body);
    if (!parsed.success) {
      return { ok: false, message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
    }
    const submission = submissionOf(parsed.data);
    const key = `${submission.name}/${submission.language}`;
    if (this.templates.has(key)) {
      return {
        ok: false,
        refusal: {
          code: 100,
          subcode: 2388024,
          title: 'Duplicate template',
          message: `Content in this language already exists for ${submission.name}.`,
        },
      };
    }
    const outcome = reviewTemplate(
      submission,
      [...this.templates.values()].map((template) => template.submission),
    );
    if (outcome.verdict === 'refused') return { ok: false, refusal: outcome.refusal };
    const template: RegisteredTemplate = {
      id: String(randomInt(1e14, 2 ** 48)),
      name: submission.name,
      language: submission.language,
      category: outcome.category,
      status: 'PENDING',
      submission,
    };
    this.templates.set(key, template);
    setTimeout(() => {
      if (outcome.verdict === 'approved') template.status = 'APPROVED';
      else Object.assign(template, { status: 'REJECTED', rejectedReason: outcome.reason, rejectionInfo: outcome.info });
      this.emitStatus(template);
    }, this.options.reviewMs ?? 50).unref();
    return { ok: true, template };
  }

  list(): RegisteredTemplate[] {
    return [...this.templates.values()];
  }

  find(name: string, language: string): RegisteredTemplate | undefined {
    return this.templates.get(`${name}/${language}`);
  }

  /**
   * Meta's recurring re-check of approved templates: the 24-hour notice
   * (`correct_category`, the category unchanged), then the change itself
   * (`previous_category`, `new_category`), each a template_category_update webhook.
   */
  recategorize(name: string, language: string, category: TemplateCategory, stage: 'notice' | 'change' | 'both' = 'both'): void {
    const template = this.find(name, language);
    if (template === undefined) throw new RangeError(`no template ${name}/${language}`);
    const base = { message_template_id: Number(template.id), message_template_name: name, message_template_language: language };
    if (stage !== 'change') {
      template.correctCategory = category;
      this.emit('template_category_update', {
        ...base,
        correct_category: category,
        new_category: template.category,
        category_update_timestamp: Math.floor((this.now() + 24 * 3_600_000) / 1000),
      });
    }
    if (stage !== 'notice') {
      const previous = template.category;
      template.category = category;
      delete template.correctCategory;
      this.emit('template_category_update', { ...base, previous_category: previous, new_category: category });
    }
  }

  private emitStatus(template: RegisteredTemplate): void {
    this.emit('message_template_status_update', {
      event: template.status,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
      reason: template.rejectedReason ?? 'NONE',
      message_template_category: template.category,
      ...(template.rejectedReason === 'INVALID_FORMAT' && template.rejectionInfo ? { rejection_info: template.rejectionInfo } : {}),
    });
  }

  private emit(field: AccountChange['field'], value: Record<string, unknown>): void {
    this.options.onChange?.({ field, value });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
