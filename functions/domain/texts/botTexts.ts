import en from '../../../templates/texts/en.json' with { type: 'json' };
import kk from '../../../templates/texts/kk.json' with { type: 'json' };
import ru from '../../../templates/texts/ru.json' with { type: 'json' };
import type { Language } from '../language';

/** The bot's own words live in templates/texts/<language>.json, Russian being the reference set of keys. */
export type TextKey = keyof typeof ru;

/** Every language has every key: a key added to one file only does not compile (test/texts checks the placeholders). */
const TEXTS: Record<Language, Record<TextKey, string>> = { ru, kk, en };

export function botText(language: Language, key: TextKey, vars: Record<string, string | number> = {}): string {
  return TEXTS[language][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
