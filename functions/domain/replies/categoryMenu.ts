import { CATEGORIES } from '../catalog/product';
import type { Language } from '../language';
import { botText } from '../texts/botTexts';
import type { ListMessage } from '../whatsapp/outboundMessage';
import { replyId } from './replyIds';

const MENU_CATEGORIES = CATEGORIES.slice(0, 10);

/** The catalog's sections as one list message; WhatsApp allows ten rows, so the two rarest sections are left to search. */
export function categoryMenu(language: Language, body: string = botText(language, 'categories.body')): ListMessage {
  return {
    kind: 'list',
    body,
    button: botText(language, 'categories.button'),
    sections: [
      {
        rows: MENU_CATEGORIES.map((category) => ({
          id: replyId({ action: 'category', category }),
          title: botText(language, `category.${category}`),
        })),
      },
    ],
  };
}
