import { formatTenge } from '../../../functions/domain/catalog/tenge';
import { h } from './dom';
import { formatPhone } from './customerStore';
import { languageName, preferenceLabel } from './preferenceLabels';
import type { PanelSection } from './staffPanel';
import { simApi, type StoredProfile } from './simApiClient';

/** Strongest taste first, with its weight, as the assistant counts it. */
function ranked(counts: Record<string, number>): HTMLElement {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return h('span', { class: 'muted' }, '—');
  return h(
    'span',
    { class: 'chips' },
    ...entries.map(([key, weight]) =>
      h('span', { class: 'chip', title: `вес ${weight}` }, preferenceLabel(key), h('span', { class: 'chip__weight' }, `×${weight}`)),
    ),
  );
}

function budget(preferences: StoredProfile['preferences']): string {
  const { budgetMin, budgetMax } = preferences;
  if (budgetMin !== undefined && budgetMax !== undefined) return `${formatTenge(budgetMin)} – ${formatTenge(budgetMax)}`;
  if (budgetMax !== undefined) return `до ${formatTenge(budgetMax)}`;
  if (budgetMin !== undefined) return `от ${formatTenge(budgetMin)}`;
  return '—';
}

const row = (label: string, value: Node | string) => h('div', { class: 'facts__row' }, h('dt', {}, label), h('dd', {}, value));

/** What the assistant has stored about the customer: the PROFILE item of the table, read as the consumer reads it. */
export const profileSection: PanelSection = {
  id: 'profile',
  title: 'Профиль и предпочтения',
  refreshOnActivity: true,
  async render({ customer }) {
    const profile = await simApi.profile(customer.waId);
    if (profile === undefined) {
      return h(
        'p',
        { class: 'muted' },
        `О ${customer.name} (${formatPhone(customer.waId)}) пока ничего не сохранено: профиль появится после первого ответа ассистента.`,
      );
    }
    const { preferences } = profile;
    return h(
      'div',
      {},
      h(
        'dl',
        { class: 'facts' },
        row('Язык', languageName(profile.language)),
        row('Сообщений', String(profile.messageCount)),
        row('Впервые', new Date(profile.firstSeenAt).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' })),
        row('Категории', ranked(preferences.categories)),
        row('Цвета', ranked(preferences.colors)),
        row('Стили', ranked(preferences.styles)),
        row('Бюджет', budget(preferences)),
      ),
      h('h3', { class: 'panel-subtitle' }, 'Недавно смотрел(а)'),
      profile.recentViews.length === 0
        ? h('p', { class: 'muted' }, 'Пока ничего не открывал(а).')
        : h(
            'ol',
            { class: 'recent-views' },
            ...profile.recentViews.map((view) =>
              h(
                'li',
                {},
                h('span', { class: 'recent-views__name' }, view.name ?? view.id),
                h(
                  'span',
                  { class: 'recent-views__meta' },
                  [view.id, view.price === undefined ? undefined : formatTenge(view.price)].filter(Boolean).join(' · '),
                ),
              ),
            ),
          ),
    );
  },
};
