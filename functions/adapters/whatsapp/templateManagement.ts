import * as z from 'zod';
import type { TemplateSubmission } from '../../domain/messaging/templateReview';
import type { GraphClient } from './graphClient';

export interface RemoteTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  /** The category Meta assigned (not necessarily the one submitted), kept current by its re-checks. */
  category: string;
  /** Why review rejected it: INVALID_FORMAT, INCORRECT_CATEGORY… ("NONE" otherwise). */
  rejectedReason?: string;
  /** Set while Meta has announced a category change it has not made yet. */
  correctCategory?: string;
}

const listPageSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string(),
      rejected_reason: z.string().optional(),
      correct_category: z.string().nullable().optional(),
    }),
  ),
  paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
});

const createdSchema = z.object({ id: z.string(), status: z.string(), category: z.string().optional() });

/** The WhatsApp Business Account's template API: what `zeta templates sync|status` talk to. */
export class TemplateManagementApi {
  constructor(
    private readonly graph: GraphClient,
    private readonly wabaId: string,
  ) {}

  async list(): Promise<RemoteTemplate[]> {
    const templates: RemoteTemplate[] = [];
    let after: string | undefined;
    do {
      const fields = 'id,name,language,status,category,rejected_reason,correct_category';
      const query = new URLSearchParams({ fields, limit: '100', ...(after ? { after } : {}) });
      const page = listPageSchema.parse(await this.graph.request('GET', `${this.wabaId}/message_templates?${query}`));
      templates.push(
        ...page.data.map(({ rejected_reason: rejectedReason, correct_category: correctCategory, ...template }) => ({
          ...template,
          ...(rejectedReason === undefined ? {} : { rejectedReason }),
          ...(correctCategory ? { correctCategory } : {}),
        })),
      );
      after = page.paging?.next ? page.paging.cursors?.after : undefined;
    } while (after !== undefined);
    return templates;
  }

  /** Answers Meta's verdict: the id, PENDING (or APPROVED/REJECTED) and the category Meta assigned. */
  async create(submission: TemplateSubmission): Promise<{ id: string; status: string; category?: string }> {
    const components: unknown[] = [
      {
        type: 'BODY',
        text: submission.body,
        ...(submission.examples && submission.examples.length > 0 ? { example: { body_text: [submission.examples] } } : {}),
      },
    ];
    if (submission.quickReplies.length > 0) {
      components.push({ type: 'BUTTONS', buttons: submission.quickReplies.map((text) => ({ type: 'QUICK_REPLY', text })) });
    }
    return createdSchema.parse(
      await this.graph.request('POST', `${this.wabaId}/message_templates`, {
        name: submission.name,
        language: submission.language,
        category: submission.category,
        components,
      }),
    );
  }
}
