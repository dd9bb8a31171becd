import type { DeliveryState } from './chatTypes';
import { h } from './dom';
import { icon } from './icons';

const LABELS: Record<DeliveryState | 'pending', string> = {
  pending: 'отправляется',
  sent: 'отправлено',
  delivered: 'доставлено',
  read: 'прочитано',
  failed: 'не доставлено',
};

/** WhatsApp's ticks: ✓ sent, ✓✓ delivered, blue ✓✓ read; a red mark when delivery failed. */
export function ticks(status: DeliveryState | undefined): HTMLElement {
  const state = status ?? 'pending';
  const mark =
    state === 'failed'
      ? icon('error', 'ticks__icon')
      : icon(state === 'sent' || state === 'pending' ? 'check' : 'doubleCheck', 'ticks__icon');
  return h('span', { class: `ticks ticks--${state}`, 'data-status': state, title: LABELS[state], 'aria-label': LABELS[state] }, mark);
}
