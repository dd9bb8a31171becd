import { formatTenge } from '../catalog/tenge';
import { isOnSale, type Product } from '../catalog/product';
import type { Language } from '../language';
import { botText } from '../texts/botTexts';
import type { ButtonsMessage, ListMessage, OutboundMessage, ReplyButton } from '../whatsapp/outboundMessage';
import { replyId } from './replyIds';

export type ImageUrlResolver = (product: Product) => string;

const LIST_ROWS = 10;

/** "Диван угловой «Осло» велюр" → "Диван «Осло»": fits a list row or a button without losing what the thing is. */
export function shortTitle(product: Pick<Product, 'name'>): string {
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

export interface CardOptions {
  intro?: string;
  /** A matching item to suggest under the card, so the next sale is one tap away. */
  complement?: Product;
}

/** One message with photo, price, description and the actions: WhatsApp bills per message, so no separate image. */
export function productCard(product: Product, language: Language, imageUrlOf: ImageUrlResolver, options: CardOptions = {}): ButtonsMessage {
  const { intro, complement } = options;
  const lines = [
    ...(intro ? [intro, ''] : []),
    `*${product.name}*`,
    priceLine(product, language),
    product.description,
    ...(product.dimensions ? [`📐 ${product.dimensions}`] : []),
    botText(language, product.stock > 0 ? 'card.inStock' : 'card.outOfStock'),
    ...(complement ? ['', botText(language, 'card.teaser', { name: shortTitle(complement), price: formatTenge(complement.price) })] : []),
  ];
  const buttons: ReplyButton[] = [
    { id: replyId({ action: 'buy', productId: product.id }), title: botText(language, 'card.buy') },
    { id: replyId({ action: 'watch', productId: product.id }), title: botText(language, 'card.watch') },
    { id: replyId({ action: 'more', productId: product.id }), title: botText(language, 'card.more') },
  ];
  return {
    kind: 'buttons',
    header: { type: 'image', link: imageUrlOf(product) },
    body: lines.join('\n'),
    buttons,
  };
}

function productRow(product: Product) {
  return { id: replyId({ action: 'product', productId: product.id }), title: shortTitle(product), description: rowDescription(product) };
}

export function productList(products: readonly Product[], intro: string, language: Language): ListMessage {
  return productSections([{ title: botText(language, 'list.section'), products }], intro, language);
}

/** A list in titled groups ("Похожие", "Подойдёт в пару"); WhatsApp shows ten rows in all. */
export function productSections(
  groups: ReadonlyArray<{ title: string; products: readonly Product[] }>,
  intro: string,
  language: Language,
): ListMessage {
  let room = LIST_ROWS;
  const sections = [];
  for (const group of groups) {
    const rows = group.products.slice(0, room).map(productRow);
    room -= rows.length;
    if (rows.length > 0) sections.push({ title: group.title, rows });
  }
  return { kind: 'list', body: intro, button: botText(language, 'list.button'), sections };
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
  if (products.length === 1) return productCard(first, language, imageUrlOf, { intro });
  if (products.length <= 3) return productChoice(products, intro);
  return productList(products, intro, language);
}
