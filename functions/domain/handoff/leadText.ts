import { formatTenge } from '../catalog/tenge';
import { favourite } from '../preferences/preferences';
import type { LeadSummary } from './handoff';

const RECENT_LINES = 6;
const LINE_LENGTH = 140;

/** The customer in a few lines, for the manager's WhatsApp and the CRM lead (Russian: the store's working language). */
export function leadText(summary: LeadSummary): string {
  const { preferences } = summary;
  const tastes = [
    favourite(preferences.categories),
    favourite(preferences.colors),
    favourite(preferences.styles),
    preferences.budgetMax !== undefined ? `до ${formatTenge(preferences.budgetMax)}` : undefined,
  ].filter(Boolean);
  const lines = summary.recent
    .slice(-RECENT_LINES)
    .map((entry) => `${entry.role === 'customer' ? 'Клиент' : 'Бот'}: ${entry.text.replace(/\s+/g, ' ').slice(0, LINE_LENGTH)}`);
  return [
    `Интересы: ${tastes.length > 0 ? tastes.join(', ') : 'не указаны'}; язык: ${summary.language}.`,
    lines.length > 0 ? `Последние сообщения: ${lines.join(' / ')}` : 'Сообщений нет.',
  ].join(' ');
}
