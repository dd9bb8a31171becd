/** What tests read of a Graph API request body the assistant sent: its text, buttons and list rows. */
export interface SentBody {
  type: string;
  to?: string;
  recipient?: string;
  text?: { body: string };
  interactive?: {
    type: string;
    body: { text: string };
    action: {
      buttons?: Array<{ reply: { id: string; title: string } }>;
      sections?: Array<{ rows: Array<{ id: string; title?: string; description?: string }> }>;
    };
  };
  template?: { name: string };
}

/** The words of a text, button or list message. */
export function textOf(body: SentBody | undefined): string {
  return body?.text?.body ?? body?.interactive?.body.text ?? '';
}

const tenge = (text: string | undefined): number => {
  const amount = Number((text ?? '').replace(/\D/gu, ''));
  if (!(amount > 0)) throw new Error(`no price in ${JSON.stringify(text)}`);
  return amount;
};

/** The prices of the products a reply offers: a list's rows («178 000 ₸ · рогожка»), or the numbered lines above product buttons. */
export function offeredPrices(body: SentBody | undefined): number[] {
  const rows = body?.interactive?.action.sections?.flatMap((section) => section.rows) ?? [];
  if (rows.length > 0) return rows.map((row) => tenge(/^([\d\s]+?)\s?₸/u.exec(row.description ?? '')?.[1]));
  const products = body?.interactive?.action.buttons?.filter((button) => button.reply.id.startsWith('product:')) ?? [];
  if (products.length === 0) return [];
  return [...textOf(body).matchAll(/— ([\d\s]+?)\s₸$/gmu)].map((match) => tenge(match[1]));
}
