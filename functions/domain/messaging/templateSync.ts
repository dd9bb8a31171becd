import type { Language } from '../language';
import type { TemplateCatalog, TemplateDefinition } from './templateCatalog';
import { reviewTemplate, type ReviewOutcome, type TemplateSubmission } from './templateReview';

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
  /** What Meta's review rules say of it before it is sent: why it would be refused or rejected, or the category it would get. */
  review: ReviewOutcome;
}

/** A template × language of the file as Meta's template API receives it. */
export function submissionOf(template: TemplateDefinition, language: Language): TemplateSubmission {
  const variant = template.languages[language];
  if (variant === undefined) throw new RangeError(`${template.name} has no ${language} text`);
  return {
    name: template.name,
    language,
    category: template.category,
    body: variant.body,
    ...(template.parameters.length > 0 ? { examples: variant.examples } : {}),
    quickReplies: variant.buttons,
  };
}

/** Every template × language of the file. */
export function fileSubmissions(
  catalog: TemplateCatalog,
): Array<{ template: TemplateDefinition; language: Language; submission: TemplateSubmission }> {
  return catalog.templates.flatMap((template) =>
    (Object.keys(template.languages) as Language[]).map((language) => ({
      template,
      language,
      submission: submissionOf(template, language),
    })),
  );
}

/**
 * What `zeta templates sync` must submit: every name × language of the file
 * that the account lacks, each with the verdict of Meta's review rules.
 * Existing templates are left alone: Meta allows a limited number of edits,
 * and an approved template keeps working.
 */
export function planTemplateSync(catalog: TemplateCatalog, remote: readonly RemoteTemplateState[]): TemplateSyncStep[] {
  const known = new Map(remote.map((template) => [`${template.name}/${template.language}`, template.status]));
  const all = fileSubmissions(catalog);
  return all.map(({ template, language, submission }) => {
    const review = reviewTemplate(
      submission,
      all.filter((other) => other.submission !== submission).map((other) => other.submission),
    );
    const status = known.get(`${template.name}/${language}`);
    return status === undefined
      ? { template, language, action: 'create' as const, review }
      : { template, language, action: 'present' as const, status, review };
  });
}
