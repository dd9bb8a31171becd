import prompts from '../../../templates/prompts/prompts.json' with { type: 'json' };
import { STORE_FACTS_PROMPT } from '../store/storeFacts';
import { PromptLeakGuard } from './promptLeakGuard';
import type { DialogueState } from '../dialogue/dialogueState';
import type { Preferences } from '../preferences/preferences';
import type { Understanding } from '../understanding/understand';
import type { TurnContext } from './turnContext';

/**
 * The instructions and the store's facts, the same bytes for every customer
 * and every turn: OpenAI caches a repeated prompt prefix of 1024 tokens and
 * more, so this comes first and nothing that varies may enter it.
 */
export const STATIC_SYSTEM_PROMPT = `${prompts.system}\n\n${STORE_FACTS_PROMPT}`;

/** Replies that recite the instructions never reach a customer. */
export const INSTRUCTIONS_GUARD = new PromptLeakGuard([prompts.system]);

const TASTES_SHOWN = 3;
const VIEWED_SHOWN = 5;
// A WhatsApp profile name is whatever the customer typed: only a plain first name reaches the model, never text that could pass for instructions.
const PLAIN_NAME = /^[\p{L}][\p{L}'’-]{0,29}$/u;

/** What is known about this customer and this turn; a second system message, after the cached static one. */
export function turnSystemPrompt(context: TurnContext): string {
  const name = firstNameOf(context.customer.name);
  const lines = [
    '# Контекст разговора',
    `- Язык ответа: ${context.language}`,
    ...(name !== undefined ? [`- Имя клиента: ${name}`] : []),
    `- Предпочтения клиента: ${preferencesSummary(context.preferences)}`,
    ...(context.viewedProductIds.length > 0
      ? [`- Недавно открытые товары (id): ${context.viewedProductIds.slice(0, VIEWED_SHOWN).join(', ')}`]
      : []),
    `- Автоматический разбор сообщения (может ошибаться): ${understandingSummary(context.understanding)}`,
    ...dialogueLines(context.dialogue),
  ];
  return lines.join('\n');
}

/**
 * The conversation as the offline assistant keeps it: what the customer is
 * searching for, the last list in the order shown («второй» is its 2nd id),
 * the product being discussed. Ids only: get_product_details has the rest.
 */
function dialogueLines(dialogue: DialogueState): string[] {
  const { features, ...filters } = dialogue.filters;
  const search = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  if (features.length > 0) search.push(`features ${features.join(', ')}`);
  return [
    ...(search.length > 0 ? [`- Текущий поиск клиента: ${search.join(', ')}`] : []),
    ...(dialogue.shown.length > 0
      ? [`- Последний показанный список (по порядку): ${dialogue.shown.map((id, index) => `${index + 1}. ${id}`).join('; ')}`]
      : []),
    ...(dialogue.focus ? [`- Товар, о котором сейчас говорим: ${dialogue.focus}`] : []),
  ];
}

function firstNameOf(profileName: string | undefined): string | undefined {
  const first = profileName?.trim().split(/\s+/)[0];
  return first !== undefined && PLAIN_NAME.test(first) ? first : undefined;
}

function strongest(counts: Partial<Record<string, number>>): string[] {
  return Object.entries(counts)
    .filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TASTES_SHOWN)
    .map(([key]) => key);
}

function preferencesSummary(preferences: Preferences): string {
  const parts: string[] = [];
  const colors = strongest(preferences.colors);
  const styles = strongest(preferences.styles);
  const categories = strongest(preferences.categories);
  if (colors.length > 0) parts.push(`цвета ${colors.join(', ')}`);
  if (styles.length > 0) parts.push(`стили ${styles.join(', ')}`);
  if (categories.length > 0) parts.push(`категории ${categories.join(', ')}`);
  const { budgetMin, budgetMax } = preferences;
  if (budgetMin !== undefined || budgetMax !== undefined) {
    const bounds = [...(budgetMin !== undefined ? [`от ${budgetMin}`] : []), ...(budgetMax !== undefined ? [`до ${budgetMax}`] : [])];
    parts.push(`бюджет ${bounds.join(' ')} тенге`);
  }
  return parts.length > 0 ? parts.join('; ') : 'пока неизвестны';
}

function understandingSummary(understanding: Understanding): string {
  const { language: _language, ...slots } = understanding;
  return Object.entries(slots)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
}
