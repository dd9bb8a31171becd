import type { ListInteractive, ListRow } from './chatTypes';
import { h } from './dom';
import { icon } from './icons';

/**
 * A list message opened: a sheet that slides up over the chat with the list's
 * sections and rows (title and description). Tapping a row sends it, as
 * WhatsApp does; the backdrop, the cross and Escape close it unsent.
 */
export function openListSheet(host: HTMLElement, list: ListInteractive, pick: (row: ListRow) => void): void {
  host.querySelector('.sheet-backdrop')?.remove();

  const close = () => {
    document.removeEventListener('keydown', onKey);
    backdrop.classList.remove('sheet-backdrop--open');
    backdrop.addEventListener('transitionend', () => backdrop.remove(), { once: true });
    // No transition runs when the user prefers reduced motion.
    setTimeout(() => backdrop.remove(), 300);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };

  const rows = list.action.sections.map((section) =>
    h(
      'section',
      { class: 'sheet__section' },
      section.title && h('h3', { class: 'sheet__section-title' }, section.title),
      ...section.rows.map((row) =>
        h(
          'button',
          {
            type: 'button',
            class: 'sheet__row',
            'data-row-id': row.id,
            on: {
              click: () => {
                close();
                pick(row);
              },
            },
          },
          h(
            'span',
            { class: 'sheet__row-text' },
            h('span', { class: 'sheet__row-title' }, row.title),
            row.description && h('span', { class: 'sheet__row-description' }, row.description),
          ),
          h('span', { class: 'sheet__radio', 'aria-hidden': 'true' }),
        ),
      ),
    ),
  );

  const sheet = h(
    'div',
    { class: 'sheet', role: 'dialog', 'aria-modal': 'true', 'aria-label': list.action.button, tabindex: -1 },
    h('div', { class: 'sheet__handle', 'aria-hidden': 'true' }),
    h(
      'header',
      { class: 'sheet__header' },
      h('button', { type: 'button', class: 'icon-button sheet__close', 'aria-label': 'Закрыть', on: { click: close } }, icon('close')),
      h('h2', { class: 'sheet__title' }, list.action.button),
    ),
    h('div', { class: 'sheet__body' }, ...rows),
  );
  const backdrop = h('div', { class: 'sheet-backdrop', on: { click: (event) => event.target === backdrop && close() } }, sheet);
  host.append(backdrop);
  document.addEventListener('keydown', onKey);
  requestAnimationFrame(() => backdrop.classList.add('sheet-backdrop--open'));
  sheet.focus({ preventScroll: true });
}
