import { byId } from './dom';

/** Where the page is phone-sized: the chat alone, the customers and the staff panel as drawers over it. */
export const NARROW = window.matchMedia('(max-width: 760px)');

type Drawer = 'customers' | 'panel';

/**
 * The customers and the staff panel: drawers that slide over the chat on a
 * phone; on a desktop the customers are a column and the panel a column that
 * folds away.
 */
export function createDrawers(app: HTMLElement): { open(drawer: Drawer | undefined): void } {
  const open = (drawer: Drawer | undefined) => {
    app.classList.toggle('app--customers-open', drawer === 'customers');
    app.classList.toggle('app--panel-open', drawer === 'panel');
  };
  byId('open-customers').addEventListener('click', () => open('customers'));
  byId('scrim').addEventListener('click', () => open(undefined));
  byId('toggle-panel').addEventListener('click', () => {
    if (NARROW.matches) open(app.classList.contains('app--panel-open') ? undefined : 'panel');
    else app.classList.toggle('app--panel-collapsed');
  });
  byId('close-panel').addEventListener('click', () => {
    if (NARROW.matches) open(undefined);
    else app.classList.add('app--panel-collapsed');
  });
  return { open };
}
