import { formatTenge } from '../catalog/tenge';
import { favourite } from '../preferences/preferences';
import type { CustomerLocation } from '../conversation/ports';
import type { LeadSummary } from './handoff';

const RECENT_LINES = 6;
const LINE_LENGTH = 140;

/** A pin as the manager can use it: its address, or a map link from its coordinates. */
function placeOf(location: CustomerLocation): string {
  const named = [location.name, location.address].filter(Boolean).join(', ');
  if (location.latitude === undefined || location.longitude === undefined) return named || 'без координат';
  const map = `https://maps.google.com/?q=${location.latitude},${location.longitude}`;
  return named ? `${named} (${map})` : map;
}

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
    ...(summary.subject ? [`${summary.subject}.`] : []),
    `Интересы: ${tastes.length > 0 ? tastes.join(', ') : 'не указаны'}; язык: ${summary.language}.`,
    summary.location ? `Локация: ${placeOf(summary.location)}.` : undefined,
    lines.length > 0 ? `Последние сообщения: ${lines.join(' / ')}` : 'Сообщений нет.',
  ]
    .filter(Boolean)
    .join(' ');
}
