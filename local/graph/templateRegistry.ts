import { randomInt } from 'node:crypto';
import { z } from 'zod';

const createSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/),
  language: z.string().min(2),
  category: z.enum(['UTILITY', 'MARKETING', 'AUTHENTICATION']),
  components: z.array(z.object({ type: z.string() }).passthrough()).min(1),
});

export interface RegisteredTemplate {
  id: string;
  name: string;
  language: string;
  category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
  status: 'PENDING' | 'APPROVED';
}

export type TemplateCreation = { ok: true; template: RegisteredTemplate } | { ok: false; message: string };

/**
 * The WhatsApp Business Account's templates as the stand-in keeps them: new
 * ones are PENDING, then APPROVED after a short review, as Meta's flow goes;
 * only approved templates can be sent.
 */
export class TemplateRegistry {
  private readonly templates = new Map<string, RegisteredTemplate>();

  constructor(private readonly reviewMs = 50) {}

  create(body: unknown): TemplateCreation {
    const parsed = createSchema.safeParse(body);
    if (!parsed.success)
      return { ok: false, message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
    const key = `${parsed.data.name}/${parsed.data.language}`;
    if (this.templates.has(key)) return { ok: false, message: `Content in this language already exists for ${parsed.data.name}` };
    const template: RegisteredTemplate = {
      id: String(randomInt(1e14, 2 ** 48)),
      name: parsed.data.name,
      language: parsed.data.language,
      category: parsed.data.category,
      status: 'PENDING',
    };
    this.templates.set(key, template);
    setTimeout(() => {
      template.status = 'APPROVED';
    }, this.reviewMs).unref();
    return { ok: true, template };
  }

  list(): RegisteredTemplate[] {
    return [...this.templates.values()];
  }

  find(name: string, language: string): RegisteredTemplate | undefined {
    return this.templates.get(`${name}/${language}`);
  }
}
