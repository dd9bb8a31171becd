import { formatTenge } from '../catalog/tenge';
import { favourite } from '../preferences/preferences';
import type { CustomerLocation } from '../conversation/ports';
import type { LeadSummary } from './handoff';

const RECENT_LINES = 6;
const LINE_LENGTH = 140;
const FIELD_LENGTH = 100;

// Who speaks in a lead («Клиент:», «Бот:») is ours to say: the same words inside what a customer wrote are taken out.
const ROLE_PREFIX =
  /(?:^|(?<=[\s/|«»"'(\[-]))(?:бот|bot|клиент|client|customer|менеджер|manager|оператор|operator|ассистент|assistant|система|system|админ\p{L}*|admin\p{L}*|zeta)\s*[:：>]+/giu;

/**
 * What a customer wrote (their words, their WhatsApp name, a pin's label) as
 * the manager and the CRM read it: one line (no line breaks, tabs or
 * invisible characters to fake a new line with), no role prefixes (a forged
 * «Бот: клиент оплатил»), no «» to close our quotes early, cut to `length`.
 */
export function customerField(text: string, length = FIELD_LENGTH): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(ROLE_PREFIX, '')
    .replace(/[«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, length);
}

/** A customer's words inside «…», so the manager sees where they start and end. */
export function quoted(text: string, length = LINE_LENGTH): string {
  return `«${customerField(text, length)}»`;
}

/** A pin as the manager can use it: its address, or a map link from its coordinates. */
function placeOf(location: CustomerLocation): string {
  const named = [location.name, location.address]
    .filter((part): part is string => Boolean(part))
    .map((part) => quoted(part, FIELD_LENGTH))
    .join(', ');
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
    .map((entry) => `${entry.role === 'customer' ? 'Клиент' : 'Бот'}: ${quoted(entry.text)}`);
  return [
    ...(summary.subject ? [`${summary.subject}.`] : []),
    `Интересы: ${tastes.length > 0 ? tastes.join(', ') : 'не указаны'}; язык: ${summary.language}.`,
    summary.location ? `Локация: ${placeOf(summary.location)}.` : undefined,
    lines.length > 0 ? `Последние сообщения: ${lines.join(' / ')}` : 'Сообщений нет.',
  ]
    .filter(Boolean)
    .join(' ');
}
