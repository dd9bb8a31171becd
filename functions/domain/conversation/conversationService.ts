import type { AssistantReply } from '../assistant/assistantReply';
import type { OfflineAssistant } from '../assistant/offlineAssistant';
import type { ShoppingTools } from '../assistant/shoppingTools';
import { searchReply } from '../assistant/searchReply';
import { formatTenge } from '../catalog/tenge';
import { DEFAULT_LANGUAGE, type Language } from '../language';
import { categoryMenu } from '../replies/categoryMenu';
import { productCard, productsMessage, shortTitle, type ImageUrlResolver } from '../replies/productMessages';
import { parseReplyId } from '../replies/replyIds';
import { botText } from '../texts/botTexts';
import type { InboundContent } from '../whatsapp/inboundMessage';
import type { OutboundMessage } from '../whatsapp/outboundMessage';
import type { CustomerProfile, CustomerRepository, MemoryEntry, Messenger, SentMessageRecord } from './ports';
import { segmentTurn, type Turn } from './turn';

export const MEMORY_WINDOW = 10;

export interface ConversationDependencies {
  customers: CustomerRepository;
  messenger: Messenger;
  tools: ShoppingTools;
  assistant: OfflineAssistant;
  imageUrlOf: ImageUrlResolver;
  now: () => number;
}

export interface TurnResult {
  sent: SentMessageRecord[];
  intents: string[];
  language: Language;
}

type TapContent = Extract<InboundContent, { kind: 'reply' }>;

function reply(
  messages: OutboundMessage[],
  language: Language,
  summary: string,
  intent: string,
  productIds: string[] = [],
): AssistantReply {
  return { messages, language, summary, intent, productIds };
}

/**
 * One customer turn: load what we know about the customer, answer each part
 * of the turn (text goes to the assistant, taps to their handlers), send the
 * answers in order, and remember the exchange.
 */
export class ConversationService {
  constructor(private readonly deps: ConversationDependencies) {}

  async handleTurn(turn: Turn): Promise<TurnResult> {
    const { customer } = turn;
    const snapshot = await this.deps.customers.load(customer.waId, MEMORY_WINDOW);
    let language = snapshot.profile?.language ?? DEFAULT_LANGUAGE;
    const memory: MemoryEntry[] = [];
    const replies: AssistantReply[] = [];
    let unsupportedAnswered = false;

    for (const segment of segmentTurn(turn.messages)) {
      if (segment.kind === 'text') {
        memory.push({ role: 'customer', text: segment.text, at: this.deps.now() });
        const answer = await this.deps.assistant.respond(segment.text, customer.name ? { customerName: customer.name } : {});
        language = answer.language;
        replies.push(answer);
        continue;
      }
      const { content } = segment;
      switch (content.kind) {
        case 'reply':
          memory.push({ role: 'customer', text: `[${content.title || content.replyId}]`, at: this.deps.now() });
          replies.push(await this.handleTap(content, language));
          break;
        case 'welcome': {
          const body = botText(language, 'welcome', { name: customer.name ? `, ${customer.name}` : '' });
          replies.push(reply([categoryMenu(language, body)], language, body, 'greeting'));
          break;
        }
        case 'reaction':
        case 'system':
          break;
        default:
          if (!unsupportedAnswered) {
            unsupportedAnswered = true;
            const body = botText(language, 'unsupported');
            replies.push(reply([{ kind: 'text', body }], language, body, 'unsupported'));
          }
      }
    }

    const sent: SentMessageRecord[] = [];
    for (const answer of replies) {
      for (const message of answer.messages) {
        const { messageId } = await this.deps.messenger.send(customer.waId, message);
        sent.push({ messageId, kind: message.kind, at: this.deps.now() });
      }
      memory.push({ role: 'assistant', text: answer.summary, at: this.deps.now() });
    }

    const lastInbound = turn.messages.reduce((latest, message) => Math.max(latest, message.timestamp), 0);
    const profile: CustomerProfile = {
      waId: customer.waId,
      language,
      firstSeenAt: snapshot.profile?.firstSeenAt ?? lastInbound,
      lastInboundAt: Math.max(lastInbound, snapshot.profile?.lastInboundAt ?? 0),
      messageCount: (snapshot.profile?.messageCount ?? 0) + turn.messages.length,
      ...((customer.name ?? snapshot.profile?.name) ? { name: customer.name ?? snapshot.profile?.name } : {}),
    };
    await this.deps.customers.saveTurn({ profile, memory, sent });
    return { sent, intents: replies.map((answer) => answer.intent), language };
  }

  private async handleTap(tap: TapContent, language: Language): Promise<AssistantReply> {
    const action = parseReplyId(tap.replyId);
    if (action === undefined) {
      const body = botText(language, 'unsupported');
      return reply([{ kind: 'text', body }], language, body, 'unknown_reply');
    }
    const { tools, imageUrlOf } = this.deps;
    switch (action.action) {
      case 'categories':
        return reply([categoryMenu(language)], language, botText(language, 'categories.body'), 'categories');
      case 'category': {
        const filters = { category: action.category };
        return searchReply(await tools.searchProducts(filters), filters, language, imageUrlOf, 'category');
      }
      default: {
        const product = await tools.getProduct(action.productId);
        if (product === undefined) {
          const body = botText(language, 'product.missing');
          return reply([{ kind: 'text', body }], language, body, `${action.action}_missing`);
        }
        if (action.action === 'product') {
          const summary = `${product.name}, ${formatTenge(product.price)}`;
          return reply([productCard(product, language, imageUrlOf)], language, summary, 'product_card', [product.id]);
        }
        if (action.action === 'buy') {
          const body = botText(language, 'buy.next', { name: shortTitle(product), price: formatTenge(product.price) });
          return reply([{ kind: 'text', body }], language, body, 'buy', [product.id]);
        }
        const similar = await tools.similarProducts(product);
        const intro = botText(language, 'similar.intro', { name: shortTitle(product) });
        return reply(
          [productsMessage(similar, intro, language, imageUrlOf)],
          language,
          intro,
          'similar',
          similar.map((p) => p.id),
        );
      }
    }
  }
}
