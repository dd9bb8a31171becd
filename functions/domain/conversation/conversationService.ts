import type { AiUsage } from '../assistant/aiUsage';
import type { AssistantEngine } from '../assistant/assistantEngine';
import type { AssistantReply } from '../assistant/assistantReply';
import { textReply } from '../assistant/offlineAssistant';
import type { TurnContext } from '../assistant/turnContext';
import type { Product } from '../catalog/product';
import { DEFAULT_LANGUAGE, type Language } from '../language';
import { applySignal, NO_PREFERENCES, type PreferenceSignal, type Preferences } from '../preferences/preferences';
import { categoryMenu } from '../replies/categoryMenu';
import { botText } from '../texts/botTexts';
import { understand, type Understanding } from '../understanding/understand';
import type { CustomerProfile, CustomerRepository, MemoryEntry, Messenger, ProductViewStats, SentMessageRecord } from './ports';
import type { TapResponder } from './tapResponder';
import { segmentTurn, type Turn } from './turn';

export const MEMORY_WINDOW = 10;
/** Previous views a new view is paired with for "customers who viewed this also viewed". */
const CO_VIEW_DEPTH = 5;
const RECENT_VIEWS_KEPT = 20;
/** What the customer asks for outright weighs more than what they happen to open. */
const STATED_WEIGHT = 2;
const VIEWED_WEIGHT = 1;
const SHOPPING_INTENTS = new Set(['search', 'recommend', 'price_alert']);

export interface ConversationDependencies {
  customers: CustomerRepository;
  messenger: Messenger;
  engine: AssistantEngine;
  taps: TapResponder;
  viewStats: ProductViewStats;
  now: () => number;
}

export interface TurnResult {
  sent: SentMessageRecord[];
  intents: string[];
  language: Language;
  engines: Array<'openai' | 'offline'>;
  usage: AiUsage[];
}

/** What the turn learns as it goes: later parts of a burst see the taste stated in earlier ones. */
interface TurnState {
  language: Language;
  preferences: Preferences;
  recentViews: string[];
}

function signalFrom(understanding: Understanding): PreferenceSignal | undefined {
  if (!SHOPPING_INTENTS.has(understanding.intent)) return undefined;
  const signal: PreferenceSignal = { weight: STATED_WEIGHT };
  if (understanding.category) signal.category = understanding.category;
  if (understanding.color) signal.color = understanding.color;
  if (understanding.style) signal.style = understanding.style;
  if (understanding.budget_min !== undefined) signal.budgetMin = understanding.budget_min;
  if (understanding.budget_max !== undefined) signal.budgetMax = understanding.budget_max;
  return Object.keys(signal).length > 1 ? signal : undefined;
}

/** "ok", "200к" or an emoji says nothing about the language: keep the one we know. */
function languageOf(text: string, understanding: Understanding, known: Language): Language {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 ? understanding.language : known;
}

/**
 * One customer turn: load what we know about the customer, answer each part
 * of the turn (text goes to the assistant engine, taps to their handlers),
 * learn their taste from what they ask and open, send the answers in order,
 * and remember the exchange.
 */
export class ConversationService {
  constructor(private readonly deps: ConversationDependencies) {}

  async handleTurn(turn: Turn): Promise<TurnResult> {
    const { customer } = turn;
    const snapshot = await this.deps.customers.load(customer.waId, MEMORY_WINDOW);
    const state: TurnState = {
      language: snapshot.profile?.language ?? DEFAULT_LANGUAGE,
      preferences: snapshot.profile?.preferences ?? NO_PREFERENCES,
      recentViews: snapshot.profile?.recentViews ?? [],
    };
    const memory: MemoryEntry[] = [];
    const replies: AssistantReply[] = [];
    let unsupportedAnswered = false;

    for (const segment of segmentTurn(turn.messages)) {
      if (segment.kind === 'text') {
        memory.push({ role: 'customer', text: segment.text, at: this.deps.now() });
        const understanding = understand(segment.text);
        state.language = languageOf(segment.text, understanding, state.language);
        const context: TurnContext = {
          customer,
          text: segment.text,
          understanding,
          language: state.language,
          preferences: state.preferences,
          recent: [...snapshot.recent, ...memory.slice(0, -1)].slice(-MEMORY_WINDOW),
          viewedProductIds: state.recentViews,
        };
        const answer = await this.deps.engine.respond(context);
        state.language = answer.language;
        for (const signal of [signalFrom(understanding), ...(answer.preferenceSignals ?? [])]) {
          if (signal) state.preferences = applySignal(state.preferences, signal);
        }
        replies.push(answer);
        memory.push({ role: 'assistant', text: answer.summary, at: this.deps.now() });
        continue;
      }
      const { content } = segment;
      let answer: AssistantReply | undefined;
      switch (content.kind) {
        case 'reply': {
          memory.push({ role: 'customer', text: `[${content.title || content.replyId}]`, at: this.deps.now() });
          const outcome = await this.deps.taps.respond(content, state.language, state.preferences, state.recentViews);
          if (outcome.viewed) await this.recordView(outcome.viewed, state);
          answer = outcome.reply;
          break;
        }
        case 'welcome': {
          const body = botText(state.language, 'welcome', { name: customer.name ? `, ${customer.name}` : '' });
          answer = { ...textReply(body, state.language, 'greeting'), messages: [categoryMenu(state.language, body)] };
          break;
        }
        case 'reaction':
        case 'system':
          break;
        default:
          if (!unsupportedAnswered) {
            unsupportedAnswered = true;
            answer = textReply(botText(state.language, 'unsupported'), state.language, 'unsupported');
          }
      }
      if (answer) {
        replies.push(answer);
        memory.push({ role: 'assistant', text: answer.summary, at: this.deps.now() });
      }
    }

    const sent: SentMessageRecord[] = [];
    for (const answer of replies) {
      for (const message of answer.messages) {
        const { messageId } = await this.deps.messenger.send(customer.waId, message);
        sent.push({ messageId, kind: message.kind, at: this.deps.now() });
      }
    }

    const lastInbound = turn.messages.reduce((latest, message) => Math.max(latest, message.timestamp), 0);
    const name = customer.name ?? snapshot.profile?.name;
    const profile: CustomerProfile = {
      waId: customer.waId,
      language: state.language,
      firstSeenAt: snapshot.profile?.firstSeenAt ?? lastInbound,
      lastInboundAt: Math.max(lastInbound, snapshot.profile?.lastInboundAt ?? 0),
      messageCount: (snapshot.profile?.messageCount ?? 0) + turn.messages.length,
      preferences: state.preferences,
      recentViews: state.recentViews,
      ...(name ? { name } : {}),
    };
    await this.deps.customers.saveTurn({ profile, memory, sent });
    return {
      sent,
      intents: replies.map((answer) => answer.intent),
      language: state.language,
      engines: replies.map((answer) => answer.engine ?? 'offline'),
      usage: replies.flatMap((answer) => answer.usage ?? []),
    };
  }

  /** Opening a product teaches its style and color, and pairs it with what the customer opened before. */
  private async recordView(product: Product, state: TurnState): Promise<void> {
    const previous = state.recentViews.filter((id) => id !== product.id);
    await this.deps.viewStats.recordCoViews(product.id, previous.slice(0, CO_VIEW_DEPTH));
    state.recentViews = [product.id, ...previous].slice(0, RECENT_VIEWS_KEPT);
    state.preferences = applySignal(state.preferences, {
      category: product.category,
      color: product.color,
      style: product.style,
      weight: VIEWED_WEIGHT,
    });
  }
}
