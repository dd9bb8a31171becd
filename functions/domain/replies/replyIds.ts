import { CATEGORIES, type Category } from '../catalog/product';
import { isBusinessScopedUserId } from '../whatsapp/customerIds';

/**
 * Ids carried by list rows, reply buttons and template quick replies. A row or
 * button that stands for a product is `product:<productId>` (the local
 * contract relies on it); the rest name an action on a product or a section.
 */
export type ReplyAction =
  | { action: 'product'; productId: string }
  | { action: 'buy'; productId: string }
  | { action: 'more'; productId: string }
  | { action: 'watch'; productId: string }
  | { action: 'unwatch'; productId: string }
  | { action: 'new'; category: Category }
  | { action: 'resume' }
  | { action: 'optout' }
  /** The manager hands a customer back to the bot. */
  | { action: 'release'; waId: string }
  /** The customer confirms "delete my data", with the nonce of the confirmation they were asked for. */
  | { action: 'forget'; confirmed: boolean; nonce?: string }
  | { action: 'category'; category: Category }
  | { action: 'categories' };

const PRODUCT_ACTIONS = ['product', 'buy', 'more', 'watch', 'unwatch'] as const;
const BARE_ACTIONS = ['categories', 'resume', 'optout'] as const;

export function replyId(action: ReplyAction): string {
  switch (action.action) {
    case 'category':
    case 'new':
      return `${action.action}:${action.category}`;
    case 'categories':
    case 'resume':
    case 'optout':
      return action.action;
    case 'release':
      return `release:${action.waId}`;
    case 'forget':
      return action.confirmed ? `forget:yes${action.nonce === undefined ? '' : `:${action.nonce}`}` : 'forget:no';
    default:
      return `${action.action}:${action.productId}`;
  }
}

export function parseReplyId(id: string): ReplyAction | undefined {
  const bare = BARE_ACTIONS.find((candidate) => candidate === id);
  if (bare !== undefined) return { action: bare };
  const separator = id.indexOf(':');
  if (separator <= 0) return undefined;
  const kind = id.slice(0, separator);
  const value = id.slice(separator + 1);
  if (value === '') return undefined;
  if (kind === 'release') return /^\d{6,15}$/.test(value) || isBusinessScopedUserId(value) ? { action: 'release', waId: value } : undefined;
  if (kind === 'forget') {
    const [answer, nonce] = value.split(':', 2);
    if (answer === 'no') return { action: 'forget', confirmed: false };
    if (answer !== 'yes') return undefined;
    return nonce ? { action: 'forget', confirmed: true, nonce } : { action: 'forget', confirmed: true };
  }
  if (kind === 'category' || kind === 'new') {
    return (CATEGORIES as readonly string[]).includes(value) ? { action: kind, category: value as Category } : undefined;
  }
  const productAction = PRODUCT_ACTIONS.find((candidate) => candidate === kind);
  return productAction === undefined ? undefined : { action: productAction, productId: value };
}
