import type { TemplateCatalog } from '../../domain/messaging/templateCatalog';
import { planTemplateSync, type TemplateSyncStep } from '../../domain/messaging/templateSync';
import type { TemplateManagementApi } from './templateManagement';

export interface TemplateSyncResult extends TemplateSyncStep {
  /** For created templates: the id WhatsApp gave it. */
  id?: string;
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
      const created = await api.create(step.template, step.language);
      results.push({ ...step, id: created.id, status: created.status });
    } catch (error) {
      results.push({ ...step, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
