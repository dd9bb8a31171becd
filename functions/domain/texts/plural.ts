import type { Language } from '../language';

/**
 * Picks the noun form that goes with a number. Forms come from the texts as
 * "one|few|many" in Russian, "one|other" in English; Kazakh nouns do not
 * change after a numeral.
 */
export function pluralForm(language: Language, count: number, forms: string): string {
  const variants = forms.split('|');
  const pick = (index: number) => variants[Math.min(index, variants.length - 1)] ?? forms;
  if (language === 'en') return pick(count === 1 ? 0 : 1);
  if (language === 'kk') return pick(0);
  const lastTwo = Math.abs(count) % 100;
  const last = lastTwo % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return pick(2);
  if (last === 1) return pick(0);
  if (last >= 2 && last <= 4) return pick(1);
  return pick(2);
}
