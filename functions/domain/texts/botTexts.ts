import en from '../../../templates/texts/en.json' with { type: 'json' };
import kk from '../../../templates/texts/kk.json' with { type: 'json' };
import ru from '../../../templates/texts/ru.json' with { type: 'json' };
import type { Language } from '../language';

/** The bot's own words live in templates/texts/<language>.json, Russian being the reference set of keys. */
export type TextKey = keyof typeof ru;

const TEXTS: Record<Language, Partial<Record<TextKey, string>>> = { ru, kk, en };

/** A missing translation falls back to Russian rather than sending a key to a customer. */
export function botText(language: Language, key: TextKey, vars: Record<string, string | number> = {}): string {
  const template = TEXTS[language][key] ?? ru[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
