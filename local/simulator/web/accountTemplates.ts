import { simApi, type AccountTemplate } from './simApiClient';

/**
 * The account's approved templates, read once when the page opens: a template
 * message names its template and carries only the parameters, and the page
 * shows it as the customer's phone does, in the approved words.
 */
const approved = new Map<string, AccountTemplate>();

export async function loadAccountTemplates(): Promise<void> {
  for (const template of await simApi.templates()) {
    if (template.status === 'APPROVED') approved.set(`${template.name}/${template.language}`, template);
  }
}

export function approvedTemplate(name: string, language: string): AccountTemplate | undefined {
  return approved.get(`${name}/${language}`);
}

/** "{{1}} и {{2}}" with the values in order; a value that is missing shows its placeholder, as a broken send would. */
export function fillParameters(text: string, values: readonly string[]): string {
  return text.replace(/\{\{(\d+)\}\}/g, (placeholder, index: string) => values[Number(index) - 1] ?? placeholder);
}
