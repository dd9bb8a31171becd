import { formatTenge } from '../catalog/tenge';
import { isOnSale, type Product } from '../catalog/product';
import type { Language } from '../language';
import { botText } from '../texts/botTexts';
import type { ButtonsMessage, ListMessage, OutboundMessage, ReplyButton } from '../whatsapp/outboundMessage';
import { replyId } from './replyIds';

export type ImageUrlResolver = (product: Product) => string;

const LIST_ROWS = 10;

/** "Диван угловой «Осло» велюр" → "Диван «Осло»": fits a list row or a button without losing what the thing is. */
export function shortTitle(product: Product): string {
  const quoted = /«([^»]+)»/.exec(product.name);
  if (quoted === null) return product.name;
  const kind = product.name.slice(0, quoted.index).trim().split(/\s+/)[0] ?? '';
  return `${kind} «${quoted[1]}»`.trim();
}

export function discountPercent(product: Product): number | undefined {
  if (!isOnSale(product) || product.oldPrice === undefined) return undefined;
  return Math.round((1 - product.price / product.oldPrice) * 100);
}

function rowDescription(product: Product): string {
  const discount = discountPercent(product);
  const parts = [formatTenge(product.price)];
  if (discount !== undefined && discount > 0) parts.push(`−${discount}%`);
  if (product.material) parts.push(product.material);
  return parts.join(' · ');
}

export function priceLine(product: Product, language: Language): string {
  const price = botText(language, 'card.price', { price: formatTenge(product.price) });
  const discount = discountPercent(product);
  if (discount === undefined || product.oldPrice === undefined) return price;
  return `${price} ${botText(language, 'card.oldPrice', { oldPrice: formatTenge(product.oldPrice), discount })}`;
}

/** One message with photo, price, description and the actions: WhatsApp bills per message, so no separate image. */
export function productCard(product: Product, language: Language, imageUrlOf: ImageUrlResolver, intro?: string): ButtonsMessage {
  const lines = [
    ...(intro ? [intro, ''] : []),
    `*${product.name}*`,
    priceLine(product, language),
    product.description,
    ...(product.dimensions ? [`📐 ${product.dimensions}`] : []),
    botText(language, product.stock > 0 ? 'card.inStock' : 'card.outOfStock'),
  ];
  const buttons: ReplyButton[] = [
    { id: replyId({ action: 'buy', productId: product.id }), title: botText(language, 'card.buy') },
    { id: replyId({ action: 'similar', productId: product.id }), title: botText(language, 'card.similar') },
  ];
  return {
    kind: 'buttons',
    header: { type: 'image', link: imageUrlOf(product) },
    body: lines.join('\n'),
    buttons,
  };
}

export function productList(products: readonly Product[], intro: string, language: Language): ListMessage {
  return {
    kind: 'list',
    body: intro,
    button: botText(language, 'list.button'),
    sections: [
      {
        title: botText(language, 'list.section'),
        rows: products.slice(0, LIST_ROWS).map((product) => ({
          id: replyId({ action: 'product', productId: product.id }),
          title: shortTitle(product),
          description: rowDescription(product),
        })),
      },
    ],
  };
}

/** Two or three products: reply buttons read better than a list that hides them behind a tap. */
export function productChoice(products: readonly Product[], intro: string): ButtonsMessage {
  const chosen = products.slice(0, 3);
  const lines = chosen.map((product, index) => `${index + 1}. ${product.name} — ${formatTenge(product.price)}`);
  return {
    kind: 'buttons',
    body: [intro, '', ...lines].join('\n'),
    buttons: chosen.map((product, index) => ({
      id: replyId({ action: 'product', productId: product.id }),
      title: `${index + 1}. ${shortTitle(product)}`,
    })),
  };
}

/** How products are shown: a card for one, buttons for two or three, a list for four and more. */
export function productsMessage(
  products: readonly Product[],
  intro: string,
  language: Language,
  imageUrlOf: ImageUrlResolver,
): OutboundMessage {
  const [first] = products;
  if (first === undefined) return { kind: 'text', body: intro };
  if (products.length === 1) return productCard(first, language, imageUrlOf, intro);
  if (products.length <= 3) return productChoice(products, intro);
  return productList(products, intro, language);
}
