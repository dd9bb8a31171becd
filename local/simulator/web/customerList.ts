import type { Customer } from './chatTypes';
import { formatPhone, phoneToWaId, type CustomerStore } from './customerStore';
import { h } from './dom';
import { icon } from './icons';
import { clockTime, dayLabel, sameDay } from './messageTime';

const AVATAR_COLORS = ['#25d366', '#34b7f1', '#ff8a65', '#9575cd', '#4db6ac', '#f06292', '#7986cb', '#ffb300'];

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

/** A colour per customer that stays the same across reloads. */
function avatar(customer: Customer): HTMLElement {
  // Kept small at every step: past 2^53 a float drops the low digits and every number would get one colour.
  const hash = [...customer.waId].reduce((sum, digit) => (sum * 31 + digit.charCodeAt(0)) % 1_000_003, 7);
  return h(
    'span',
    { class: 'avatar', style: `background:${AVATAR_COLORS[hash % AVATAR_COLORS.length]}`, 'aria-hidden': 'true' },
    initials(customer.name),
  );
}

function lastActivity(at: number | undefined): string {
  if (at === undefined) return '';
  return sameDay(at, Date.now()) ? clockTime(at) : dayLabel(at);
}

/**
 * The simulated customers, like WhatsApp's chat list: pick one to chat as
 * them, or add one (name and number).
 */
export class CustomerList {
  private readonly list = h('ul', { class: 'customer-list', 'aria-label': 'Клиенты' });
  private readonly form: HTMLFormElement;

  constructor(
    container: HTMLElement,
    private readonly store: CustomerStore,
    private readonly choose: (customer: Customer) => void,
  ) {
    const name = h('input', {
      name: 'name',
      id: 'new-customer-name',
      required: true,
      placeholder: 'Имя',
      autocomplete: 'off',
      maxlength: 100,
    });
    const phone = h('input', {
      name: 'phone',
      id: 'new-customer-phone',
      required: true,
      placeholder: '+7 702 111 2233',
      inputmode: 'tel',
      autocomplete: 'off',
    });
    const problem = h('p', { class: 'form-result form-result--error', role: 'alert' });
    this.form = h(
      'form',
      {
        class: 'customer-form',
        hidden: true,
        on: {
          submit: (event) => {
            event.preventDefault();
            const waId = phoneToWaId(phone.value);
            if (waId === undefined) {
              problem.textContent = 'Номер в международном формате: +7 702 111 2233.';
              return;
            }
            const customer = this.store.add({ waId, name: name.value.trim() });
            this.form.reset();
            problem.textContent = '';
            this.form.hidden = true;
            this.choose(customer);
          },
        },
      },
      name,
      phone,
      h('button', { type: 'submit', class: 'button', id: 'new-customer-add' }, 'Добавить'),
      problem,
    );
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'icon-button',
        id: 'new-customer',
        'aria-label': 'Новый клиент',
        title: 'Новый клиент',
        on: {
          click: () => {
            this.form.hidden = !this.form.hidden;
            if (!this.form.hidden) name.focus();
          },
        },
      },
      icon('personAdd'),
    );
    container.replaceChildren(
      h('header', { class: 'customers__header' }, h('h1', { class: 'customers__title' }, 'Клиенты'), toggle),
      h('p', { class: 'customers__hint' }, 'Выберите, от чьего имени писать в WhatsApp ZETA.'),
      this.form,
      this.list,
    );
  }

  render(): void {
    const selected = this.store.selected().waId;
    this.list.replaceChildren(
      ...this.store.list().map((customer) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: `customer${customer.waId === selected ? ' customer--selected' : ''}`,
              'data-wa-id': customer.waId,
              'aria-current': customer.waId === selected ? 'true' : undefined,
              on: { click: () => this.choose(customer) },
            },
            avatar(customer),
            h(
              'span',
              { class: 'customer__text' },
              h('span', { class: 'customer__name' }, customer.name),
              h('span', { class: 'customer__phone' }, formatPhone(customer.waId)),
            ),
            h('span', { class: 'customer__time' }, lastActivity(customer.lastMessageAt)),
          ),
        ),
      ),
    );
  }
}
