import * as z from 'zod';
import { LANGUAGES, type Language } from '../language';
import type { TemplateMessage } from '../whatsapp/outboundMessage';

const PARAMETER_LIMIT = 1024;

const languageVariantSchema = z.object({
  body: z.string().min(1).max(1024),
  buttons: z.array(z.string().min(1).max(25)).max(10).default([]),
  examples: z.array(z.string()).default([]),
});

const templateSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower case letters, digits and underscores'),
    category: z.enum(['UTILITY', 'MARKETING', 'AUTHENTICATION']),
    parameters: z.array(z.string().min(1)),
    payloads: z.array(z.string().min(1)).default([]),
    languages: z.partialRecord(z.enum(LANGUAGES), languageVariantSchema),
  })
  .superRefine((template, ctx) => {
    for (const [language, variant] of Object.entries(template.languages)) {
      if (!variant) continue;
      const used = [...variant.body.matchAll(/\{\{(\d+)\}\}/g)].map((match) => Number(match[1]));
      const expected = template.parameters.map((_, index) => index + 1);
      if (used.length !== expected.length || expected.some((n) => !used.includes(n))) {
        ctx.addIssue({ code: 'custom', path: ['languages', language, 'body'], message: `must use {{1}}…{{${expected.length}}} once each` });
      }
      if (variant.examples.length !== template.parameters.length) {
        ctx.addIssue({ code: 'custom', path: ['languages', language, 'examples'], message: 'one example per parameter' });
      }
      if (variant.buttons.length !== template.payloads.length) {
        ctx.addIssue({ code: 'custom', path: ['languages', language, 'buttons'], message: 'one button per payload' });
      }
    }
  });

export type TemplateDefinition = z.infer<typeof templateSchema>;
export type TemplateCategory = TemplateDefinition['category'];

export class TemplateDefinitionError extends Error {
  override readonly name = 'TemplateDefinitionError';
}

/** The definitions of `templates/message_templates.yaml` (as data), validated. */
export function parseTemplateDefinitions(raw: unknown): TemplateDefinition[] {
  const parsed = z.array(templateSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TemplateDefinitionError(`message_templates.yaml: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** A send that does not match the template file: caught before WhatsApp would reject it (error 132000/132018). */
export class TemplateParameterError extends Error {
  override readonly name = 'TemplateParameterError';
}

export interface TemplateRequest {
  name: string;
  language: Language;
  /** Values by parameter name, as the file names them. */
  parameters: Record<string, string | number>;
  /** Payloads by payload name; each becomes the quick reply's payload, in button order. */
  payloads?: Record<string, string>;
}

/** The templates of `templates/message_templates.yaml`, validated, and the only way the app builds a template message. */
export class TemplateCatalog {
  private readonly byName: Map<string, TemplateDefinition>;

  constructor(readonly templates: readonly TemplateDefinition[]) {
    this.byName = new Map(templates.map((template) => [template.name, template]));
  }

  get(name: string): TemplateDefinition | undefined {
    return this.byName.get(name);
  }

  categoryOf(name: string): TemplateCategory | undefined {
    return this.byName.get(name)?.category;
  }

  /** The language the template exists in: the customer's, else Russian. */
  languageFor(name: string, language: Language): Language {
    const template = this.byName.get(name);
    return template?.languages[language] ? language : 'ru';
  }

  build(request: TemplateRequest): TemplateMessage {
    const template = this.byName.get(request.name);
    if (template === undefined) throw new TemplateParameterError(`unknown template ${request.name}`);
    const language = this.languageFor(request.name, request.language);
    const variant = template.languages[language];
    if (variant === undefined) throw new TemplateParameterError(`${request.name} has no ${language} or ru text`);
    const values = template.parameters.map((name) => {
      const value = request.parameters[name];
      if (value === undefined) throw new TemplateParameterError(`${request.name}: parameter ${name} is missing`);
      const text = String(value)
        .replace(/\s*\n\s*/g, ' ')
        .replace(/ {4,}/g, '   ')
        .trim();
      if (text === '') throw new TemplateParameterError(`${request.name}: parameter ${name} is empty`);
      return text.length > PARAMETER_LIMIT ? `${text.slice(0, PARAMETER_LIMIT - 1)}…` : text;
    });
    const extra = Object.keys(request.parameters).filter((name) => !template.parameters.includes(name));
    if (extra.length > 0) throw new TemplateParameterError(`${request.name}: unknown parameters ${extra.join(', ')}`);
    const payloads = template.payloads.map((name) => {
      const payload = request.payloads?.[name];
      if (payload === undefined) throw new TemplateParameterError(`${request.name}: payload ${name} is missing`);
      return payload;
    });
    return {
      kind: 'template',
      name: template.name,
      language,
      components: [
        ...(values.length > 0 ? [{ type: 'body' as const, parameters: values.map((text) => ({ type: 'text' as const, text })) }] : []),
        ...payloads.map((payload, index) => ({
          type: 'button' as const,
          subType: 'quick_reply' as const,
          index,
          parameters: [{ type: 'payload' as const, payload }],
        })),
      ],
    };
  }
}
