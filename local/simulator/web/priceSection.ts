import { formatTenge } from '../../../functions/domain/catalog/tenge';
import { h } from './dom';
import type { PanelSection } from './staffPanel';
import { simApi } from './simApiClient';

/** Changes a price in the running catalog (`POST /sim/api/catalog/prices`), e.g. to try a price alert. */
export const priceSection: PanelSection = {
  id: 'price',
  title: 'Изменить цену товара',
  refreshOnActivity: false,
  render(context) {
    const suggestions = h('datalist', { id: 'price-products' });
    const product = h('input', {
      name: 'productId',
      id: 'price-product',
      required: true,
      list: 'price-products',
      placeholder: 'SOF-040',
      autocomplete: 'off',
      on: {
        // Offered: the products this chat has shown, newest first.
        focus: () => suggestions.replaceChildren(...context.productsInChat().map((item) => h('option', { value: item.id }, item.title))),
      },
    });
    const price = h('input', {
      name: 'price',
      id: 'price-value',
      type: 'number',
      min: 1,
      step: 1,
      required: true,
      placeholder: '150000',
      inputmode: 'numeric',
    });
    const result = h('p', { class: 'form-result', role: 'status' });
    const submit = async (event: SubmitEvent) => {
      event.preventDefault();
      const productId = product.value.trim();
      const amount = Number(price.value);
      result.className = 'form-result';
      try {
        await simApi.changePrices({ [productId]: amount });
        result.textContent = `Готово: ${productId} теперь стоит ${formatTenge(amount)}.`;
        result.classList.add('form-result--ok');
      } catch (error) {
        result.textContent = error instanceof Error ? error.message : String(error);
        result.classList.add('form-result--error');
      }
    };
    return h(
      'form',
      { class: 'price-form', on: { submit: (event) => void submit(event) } },
      h('label', { class: 'field' }, h('span', { class: 'field__label' }, 'Товар (id)'), product, suggestions),
      h('label', { class: 'field' }, h('span', { class: 'field__label' }, 'Новая цена, ₸'), price),
      h('button', { type: 'submit', class: 'button' }, 'Изменить цену'),
      result,
    );
  },
};
