import type { BusinessMessage, LoggedMessage } from './chatTypes';

/** The local contract: a row or a button that stands for a product carries `product:<productId>`. */
const PRODUCT_ID = /^product:(.+)$/;

/** Products the assistant offered in this chat, newest first, each once. */
export function productsInChat(messages: readonly LoggedMessage[]): Array<{ id: string; title: string }> {
  const found = new Map<string, string>();
  for (const message of [...messages].reverse()) {
    if (message.direction !== 'out') continue;
    const body = message.payload as BusinessMessage;
    if (body.type !== 'interactive') continue;
    const choices =
      body.interactive.type === 'list'
        ? body.interactive.action.sections.flatMap((section) => section.rows)
        : body.interactive.action.buttons.map((button) => button.reply);
    for (const choice of choices) {
      const productId = PRODUCT_ID.exec(choice.id)?.[1];
      if (productId !== undefined && !found.has(productId)) found.set(productId, choice.title);
    }
  }
  return [...found].map(([id, title]) => ({ id, title }));
}
