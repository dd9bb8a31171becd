import * as z from 'zod';
import type { Language } from '../../domain/language';
import type { TemplateDefinition } from '../../domain/messaging/templateCatalog';
import type { GraphClient } from './graphClient';

export interface RemoteTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
}

const listPageSchema = z.object({
  data: z.array(z.object({ id: z.string(), name: z.string(), language: z.string(), status: z.string(), category: z.string() })),
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
      const query = new URLSearchParams({ fields: 'id,name,language,status,category', limit: '100', ...(after ? { after } : {}) });
      const page = listPageSchema.parse(await this.graph.request('GET', `${this.wabaId}/message_templates?${query}`));
      templates.push(...page.data);
      after = page.paging?.next ? page.paging.cursors?.after : undefined;
    } while (after !== undefined);
    return templates;
  }

  async create(template: TemplateDefinition, language: Language): Promise<{ id: string; status: string }> {
    const variant = template.languages[language];
    if (variant === undefined) throw new RangeError(`${template.name} has no ${language} text`);
    const components: unknown[] = [
      { type: 'BODY', text: variant.body, ...(variant.examples.length > 0 ? { example: { body_text: [variant.examples] } } : {}) },
    ];
    if (variant.buttons.length > 0)
      components.push({ type: 'BUTTONS', buttons: variant.buttons.map((text) => ({ type: 'QUICK_REPLY', text })) });
    return createdSchema.parse(
      await this.graph.request('POST', `${this.wabaId}/message_templates`, {
        name: template.name,
        language,
        category: template.category,
        components,
      }),
    );
  }
}
