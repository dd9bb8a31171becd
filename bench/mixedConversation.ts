import type { Category, Color } from '../functions/domain/catalog/product';
import { CATEGORY_WORDS } from '../test/reliability/support/loadPlan';
import { chat, waitForChat, type ChatLine } from '../test/support/runningZeta';

/** One customer message of the script, with the chat as it stood before it and when it was sent and answered. */
export interface ScriptedTurn {
  waId: string;
  kind: 'text' | 'tap' | 'voice' | 'watch';
  /** What the customer said, as a model would read it (a voice note: its transcript). */
  said: string;
  before: ChatLine[];
  sentAt: number;
  answeredAt: number;
}

export interface MixedConversationOptions {
  url: string;
  customers: number;
  /** What the fake speech-to-text hears in every voice note. */
  transcript: string;
  /** OGG/Opus bytes of a voice note. */
  voiceNote: Buffer;
  parallel: number;
}

const ASKS: ReadonlyArray<readonly [Category, Color, number]> = [
  ['sofa', 'grey', 300],
  ['bed', 'white', 250],
  ['wardrobe', 'beige', 200],
  ['armchair', 'green', 150],
  ['dining_table', 'brown', 180],
  ['desk', 'black', 120],
];
const COLOR_WORDS: Record<string, string> = {
  grey: 'серый',
  white: 'белую',
  beige: 'бежевый',
  green: 'зелёное',
  brown: 'коричневый',
  black: 'чёрный',
};
const FOLLOW_UPS: readonly Category[] = ['chair', 'coffee_table', 'shelf', 'dresser', 'tv_stand', 'mattress'];

/** A first name the assistant shows the model, distinct per customer, so each model request can be traced to its customer. */
export function customerName(index: number): string {
  const letters = 'абвгдежзиклмнопрстуфхцчшэюя';
  return `Гость${letters[Math.floor(index / letters.length) % letters.length]}${letters[index % letters.length]}`;
}

async function post(url: string, path: string, body: unknown, contentType = 'application/json'): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: body instanceof Buffer ? new Uint8Array(body) : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function firstProductShown(lines: ChatLine[]): string | undefined {
  const last = lines.filter((line) => line.direction === 'out').at(-1)?.payload as
    | { interactive?: { action?: { sections?: Array<{ rows: Array<{ id: string }> }>; buttons?: Array<{ reply: { id: string } }> } } }
    | undefined;
  const ids = [
    ...(last?.interactive?.action?.sections ?? []).flatMap((section) => section.rows.map((row) => row.id)),
    ...(last?.interactive?.action?.buttons ?? []).map((button) => button.reply.id),
  ];
  return ids.find((id) => /^(product|buy):/.test(id))?.replace(/^[a-z]+:/, '');
}

/**
 * A store day in miniature, through the simulator API of a running
 * `zeta start`: each customer asks for a product in words, opens one from
 * the list, some send a voice note, some watch a price, asks for something
 * else, and says thank you. Each message waits for its answer.
 */
export async function runMixedConversations(options: MixedConversationOptions): Promise<{ turns: ScriptedTurn[]; watched: string[] }> {
  const turns: ScriptedTurn[] = [];
  const watched: string[] = [];

  async function say(
    waId: string,
    name: string,
    kind: ScriptedTurn['kind'],
    said: string,
    message: Record<string, unknown>,
  ): Promise<ChatLine[]> {
    const before = await chat(options.url, waId);
    const answers = before.filter((line) => line.direction === 'out').length;
    const sentAt = Date.now();
    await post(options.url, '/sim/api/messages', { from: waId, name, ...message });
    const after = await waitForChat(
      options.url,
      waId,
      (lines) => lines.filter((line) => line.direction === 'out').length > answers,
      30_000,
    );
    turns.push({ waId, kind, said, before, sentAt, answeredAt: Date.now() });
    return after;
  }

  async function customer(index: number): Promise<void> {
    const waId = `7709${String(index).padStart(7, '0')}`;
    const name = customerName(index);
    const [category, color, budget] = ASKS[index % ASKS.length]!;
    const ask = `Здравствуйте! Ищу ${COLOR_WORDS[color]} ${CATEGORY_WORDS[category]} до ${budget} тысяч`;
    let lines = await say(waId, name, 'text', ask, { type: 'text', text: { body: ask } });
    const product = firstProductShown(lines);
    if (product !== undefined) {
      lines = await say(waId, name, 'tap', product, {
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: `product:${product}`, title: product } },
      });
      if (index % 4 === 0) {
        await say(waId, name, 'watch', '🔔', {
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: `watch:${product}`, title: '🔔' } },
        });
        watched.push(product);
      }
    }
    if (index % 3 === 0) {
      const { id } = (await post(options.url, '/sim/api/media', options.voiceNote, 'audio/ogg')) as { id: string };
      await say(waId, name, 'voice', options.transcript, {
        type: 'audio',
        audio: { id, mime_type: 'audio/ogg; codecs=opus', voice: true },
      });
    }
    const more = `а ещё покажите ${CATEGORY_WORDS[FOLLOW_UPS[index % FOLLOW_UPS.length]!]}`;
    await say(waId, name, 'text', more, { type: 'text', text: { body: more } });
    await say(waId, name, 'text', 'спасибо!', { type: 'text', text: { body: 'спасибо!' } });
  }

  let next = 0;
  await Promise.all(
    Array.from({ length: options.parallel }, async () => {
      while (next < options.customers) await customer(next++);
    }),
  );
  return { turns, watched };
}
