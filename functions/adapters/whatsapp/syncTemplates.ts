import type { TemplateCatalog } from '../../domain/messaging/templateCatalog';
import { planTemplateSync, submissionOf, type TemplateSyncStep } from '../../domain/messaging/templateSync';
import { GraphApiError } from './graphErrors';
import type { TemplateManagementApi } from './templateManagement';

/** Meta's reason for people when it gave one: "(#100/2388299) Leading or trailing params not allowed: Variables can't…". */
function refusalOf(error: unknown): string {
  if (error instanceof GraphApiError && error.userTitle !== undefined) {
    const code = `#${error.code ?? '?'}${error.subcode === undefined ? '' : `/${error.subcode}`}`;
    return `(${code}) ${error.userTitle}: ${error.userMessage ?? ''}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}

export interface TemplateSyncResult extends TemplateSyncStep {
  /** For created templates: the id WhatsApp gave it and the category it assigned. */
  id?: string;
  category?: string;
  /** Meta's refusal, with its reason (`error_user_title: error_user_msg`). */
  error?: string;
}

/** Submits the templates the account lacks; one refused template does not stop the others. */
export async function syncTemplates(
  api: TemplateManagementApi,
  catalog: TemplateCatalog,
  options: { dryRun?: boolean } = {},
): Promise<TemplateSyncResult[]> {
  const plan = planTemplateSync(catalog, await api.list());
  const results: TemplateSyncResult[] = [];
  for (const step of plan) {
    if (step.action === 'present' || options.dryRun) {
      results.push(step);
      continue;
    }
    try {
      const created = await api.create(submissionOf(step.template, step.language));
      results.push({ ...step, id: created.id, status: created.status, ...(created.category ? { category: created.category } : {}) });
    } catch (error) {
      results.push({ ...step, error: refusalOf(error) });
    }
  }
  return results;
}
