import type { Language } from '../language';
import type { TemplateCatalog, TemplateDefinition } from './templateCatalog';

export interface RemoteTemplateState {
  name: string;
  language: string;
  status: string;
}

export interface TemplateSyncStep {
  template: TemplateDefinition;
  language: Language;
  /** `create` when WhatsApp does not have this name in this language yet. */
  action: 'create' | 'present';
  status?: string;
}

/**
 * What `zeta templates sync` must submit: every name × language of the file
 * that the account lacks. Existing templates are left alone: Meta allows a
 * limited number of edits, and an approved template keeps working.
 */
export function planTemplateSync(catalog: TemplateCatalog, remote: readonly RemoteTemplateState[]): TemplateSyncStep[] {
  const known = new Map(remote.map((template) => [`${template.name}/${template.language}`, template.status]));
  return catalog.templates.flatMap((template) =>
    (Object.keys(template.languages) as Language[]).map((language) => {
      const status = known.get(`${template.name}/${language}`);
      return status === undefined
        ? { template, language, action: 'create' as const }
        : { template, language, action: 'present' as const, status };
    }),
  );
}
