import type { AiUsage } from '../assistant/aiUsage';
import type { AssistantEngine } from '../assistant/assistantEngine';
import type { AssistantReply } from '../assistant/assistantReply';
import { textReply } from '../assistant/offlineAssistant';
import type { TurnContext } from '../assistant/turnContext';
import type { Product } from '../catalog/product';
import { DEFAULT_LANGUAGE, type Language } from '../language';
import { applySignal, NO_PREFERENCES, type PreferenceSignal, type Preferences } from '../preferences/preferences';
import { categoryMenu } from '../replies/categoryMenu';
import type { Customer } from '../whatsapp/inboundMessage';
import { botText } from '../texts/botTexts';
import { analyze, type Understanding } from '../understanding/understand';
import type { CustomerProfile, CustomerRepository, MemoryEntry, ProductViewStats, SentMessageRecord, TurnProgress } from './ports';
import type { CustomerDelivery } from '../messaging/customerDelivery';
import type { TemplateCatalog } from '../messaging/templateCatalog';
import { FOLLOW_UP_AFTER_MS, type FollowUpScheduler } from '../followups/followUpScheduler';
import { isHandedOff } from '../handoff/handoff';
import type { HandoffService } from '../handoff/handoffService';
import type { CustomerRateLimiter, RateWindow } from '../limits/customerRateLimiter';
import type { CustomerErasure } from '../privacy/customerErasure';
import { parseReplyId } from '../replies/replyIds';
import type { InboundMessage } from '../whatsapp/inboundMessage';
import type { CommandResponder } from './commandResponder';
import type { ManagerDesk } from './managerDesk';
import { commandOf } from './customerCommands';
import type { MediaAnswers, MediaTurn } from './mediaAnswers';
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
  delivery: CustomerDelivery;
  templates: TemplateCatalog;
  commands: CommandResponder;
  engine: AssistantEngine;
  taps: TapResponder;
  media: MediaAnswers;
  viewStats: ProductViewStats;
  /** Proactive follow-ups after a week of silence; absent when the deployment does not send them. */
  followUps?: FollowUpScheduler;
  limiter: CustomerRateLimiter;
  handoff: HandoffService;
  managerDesk: ManagerDesk;
  erasure: CustomerErasure;
  progress: TurnProgress;
  /** Told of bookkeeping that failed after the answers went out (logged and counted, never retried). */
  onAfterSendingError: (stage: string, error: unknown) => void;
  now: () => number;
}

/** The turn outlived its claim (a stuck database, a slow model): sending now could answer the customer twice. */
export class ClaimExpiredError extends Error {
  override readonly name = 'ClaimExpiredError';
}

export interface TurnResult {
  sent: SentMessageRecord[];
  intents: string[];
  language: Language;
  engines: Array<'openai' | 'offline'>;
  usage: AiUsage[];
  /** The turn was answered with an apology after a failure on its last delivery: keep it in the dead-letter queue for this reason. */
  deadLetterReason?: string;
}

/** What the turn learns as it goes: later parts of a burst see the taste stated in earlier ones. */
interface TurnState {
  customer: Customer;
  language: Language;
  preferences: Preferences;
  recentViews: string[];
  lastShown: string[];
  recent: MemoryEntry[];
  memory: MemoryEntry[];
  usage: AiUsage[];
  misunderstandings: number;
  /** A person took over during this turn: the rest of it stays unanswered by the bot. */
  handedOff: boolean;
  /** The customer's data was erased during this turn: nothing more may be stored. */
  erased: boolean;
  finalAttempt: boolean;
  deadLetterReason?: string;
}

/** Turns in a row the assistant did not understand before it calls a person. */
const MISUNDERSTANDINGS_BEFORE_HANDOFF = 3;

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
    if (this.deps.managerDesk.isManager(customer.waId)) {
      return {
        sent: await this.deps.managerDesk.handle(turn),
        intents: ['manager_command'],
        language: DEFAULT_LANGUAGE,
        engines: [],
        usage: [],
      };
    }
    const snapshot = await this.deps.customers.load(customer.waId, MEMORY_WINDOW);
    const state: TurnState = {
      customer,
      language: snapshot.profile?.language ?? DEFAULT_LANGUAGE,
      preferences: snapshot.profile?.preferences ?? NO_PREFERENCES,
      recentViews: snapshot.profile?.recentViews ?? [],
      lastShown: snapshot.profile?.lastShown ?? [],
      recent: snapshot.recent,
      memory: [],
      usage: [],
      misunderstandings: snapshot.profile?.misunderstandings ?? 0,
      handedOff: isHandedOff(snapshot.profile?.handoff, this.deps.now()),
      erased: false,
      finalAttempt: turn.finalAttempt ?? false,
    };
    const { memory } = state;
    const replies: AssistantReply[] = [];
    const { admitted, notice } = await this.admit(customer.waId, turn.messages);
    let unsupportedAnswered = false;

    for (const segment of segmentTurn(admitted)) {
      if (state.erased) break;
      if (state.handedOff) {
        // A person is answering: the bot keeps quiet but remembers, so the manager and a later bot see the whole talk.
        memory.push({ role: 'customer', text: segment.kind === 'text' ? segment.text : `[${segment.content.kind}]`, at: this.deps.now() });
        continue;
      }
      let answer: AssistantReply | undefined;
      if (segment.kind === 'text') {
        answer = await this.answerText(segment.text, state);
      } else {
        const { content } = segment;
        switch (content.kind) {
          case 'reply': {
            memory.push({ role: 'customer', text: `[${content.title || content.replyId}]`, at: this.deps.now() });
            const forget = parseReplyId(content.replyId);
            if (forget?.action === 'forget') {
              answer = await this.forget(forget.confirmed, state);
              break;
            }
            const outcome = await this.deps.taps.respond(content, {
              waId: customer.waId,
              language: state.language,
              preferences: state.preferences,
              viewed: state.recentViews,
              lastShown: state.lastShown,
            });
            if (outcome.viewed) await this.recordView(outcome.viewed, state);
            answer = outcome.reply;
            break;
          }
          case 'audio':
            answer = await this.deps.media.voice(content, segment.messageId, this.mediaTurn(state));
            break;
          case 'image':
            answer = await this.deps.media.photo(content, segment.messageId, this.mediaTurn(state));
            break;
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
        if (answer) memory.push({ role: 'assistant', text: answer.summary, at: this.deps.now() });
      }
      if (answer) {
        replies.push(answer);
        if (answer.productIds.length > 0) state.lastShown = answer.productIds;
      }
    }
    if (notice !== undefined && !state.handedOff) {
      replies.push(textReply(botText(state.language, `limit.${notice}`), state.language, 'rate_limited'));
    }
    if (state.erased) return this.sendAfterErasure(customer, replies, state);

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
      lastShown: state.lastShown,
      optedOut: snapshot.profile?.optedOut ?? false,
      misunderstandings: state.misunderstandings,
      ...(name ? { name } : {}),
    };
    // Memory is ordered by the turn's own time, so a retried turn writes the same keys again instead of new ones.
    const turnStart = turn.messages[0]?.timestamp ?? this.deps.now();
    const turnId = turn.messages[0]?.id ?? String(turnStart);
    const ordered = memory.map((entry, index) => ({ ...entry, at: turnStart + index }));
    await this.deps.customers.saveTurn({ turnId, profile, memory: ordered });

    const sent = await this.sendReplies(turn, turnId, replies, lastInbound);
    // Once the answers are out, nothing may fail the turn: a retry would answer the customer twice.
    await this.afterSending('record_sent', () => this.deps.customers.recordSent(customer.waId, sent));
    await this.afterSending('follow_up', () => this.moveFollowUp(customer.waId, profile));
    return {
      sent,
      intents: replies.map((answer) => answer.intent),
      language: state.language,
      engines: replies.map((answer) => answer.engine ?? 'offline'),
      usage: [...state.usage, ...replies.flatMap((answer) => answer.usage ?? [])],
      ...(state.deadLetterReason ? { deadLetterReason: state.deadLetterReason } : {}),
    };
  }

  /**
   * Sends the turn's answers in order. When one fails after others went out,
   * the count sent is recorded, and the retry of the turn skips that many:
   * the customer never gets the first answers twice.
   */
  private async sendReplies(
    turn: Turn,
    turnId: string,
    replies: readonly AssistantReply[],
    lastInboundAt: number,
  ): Promise<SentMessageRecord[]> {
    const { customer } = turn;
    const sentBefore = turn.redelivered ? await this.deps.progress.sentBefore(customer.waId, turnId) : 0;
    const sent: SentMessageRecord[] = [];
    let position = 0;
    for (const answer of replies) {
      for (const message of answer.messages) {
        position += 1;
        if (position <= sentBefore) continue;
        try {
          if (turn.answerBy !== undefined && this.deps.now() > turn.answerBy) {
            throw new ClaimExpiredError(`the claim on turn ${turnId} ran out before answer ${position} was sent`);
          }
          const delivery = await this.deps.delivery.deliver(customer.waId, message, { lastInboundAt }, () =>
            this.serviceReplyTemplate(customer, answer),
          );
          sent.push({
            messageId: delivery.messageId,
            kind: delivery.kind,
            at: this.deps.now(),
            summary: answer.summary,
            language: answer.language,
            ...(delivery.template ? { template: delivery.template } : {}),
          });
        } catch (error) {
          if (position - 1 > sentBefore) {
            await this.afterSending('turn_progress', () => this.deps.progress.recordSent(customer.waId, turnId, position - 1));
          }
          throw error;
        }
      }
    }
    return sent;
  }

  /**
   * Rate limits, message by message: past a limit, one polite notice and then
   * silence until the window passes (the counters are atomic across Lambdas).
   */
  private async admit(waId: string, messages: readonly InboundMessage[]): Promise<{ admitted: InboundMessage[]; notice?: RateWindow }> {
    const admitted: InboundMessage[] = [];
    let notice: RateWindow | undefined;
    for (const message of messages) {
      const admission = await this.deps.limiter.admit(waId, message.id, message.timestamp);
      if (admission.kind === 'allowed') admitted.push(message);
      else if (admission.kind === 'notice') notice = admission.window;
    }
    return notice === undefined ? { admitted } : { admitted, notice };
  }

  /** "Да, удалить": everything about the customer goes, and this turn stores nothing new. */
  private async forget(confirmed: boolean, state: TurnState): Promise<AssistantReply> {
    const { language } = state;
    if (!confirmed) return textReply(botText(language, 'forget.kept'), language, 'forget_me_cancelled');
    await this.deps.erasure.erase(state.customer.waId);
    state.erased = true;
    return textReply(botText(language, 'forget.done'), language, 'forget_me');
  }

  /** After erasure the answer still goes out, but nothing about it is written back. */
  private async sendAfterErasure(customer: Customer, replies: AssistantReply[], state: TurnState): Promise<TurnResult> {
    const sent: SentMessageRecord[] = [];
    for (const answer of replies) {
      for (const message of answer.messages) {
        const { messageId } = await this.deps.delivery.deliver(customer.waId, message, { lastInboundAt: this.deps.now() }, () =>
          this.serviceReplyTemplate(customer, answer),
        );
        sent.push({ messageId, kind: message.kind, at: this.deps.now() });
      }
    }
    return { sent, intents: replies.map((answer) => answer.intent), language: state.language, engines: [], usage: state.usage };
  }

  private async afterSending(stage: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.deps.onAfterSendingError(stage, error);
    }
  }

  /** The week of silence starts again with every message; a customer who opted out has no follow-up at all. */
  private async moveFollowUp(waId: string, profile: CustomerProfile): Promise<void> {
    const { followUps } = this.deps;
    if (followUps === undefined) return;
    const optedOut = (await this.deps.customers.profile(waId))?.optedOut ?? profile.optedOut;
    if (optedOut) await followUps.cancel(waId);
    else await followUps.schedule(waId, new Date(profile.lastInboundAt + FOLLOW_UP_AFTER_MS));
  }

  /**
   * Delayed past the 24-hour window (a long outage, a dead-letter redrive),
   * a reply can only go out as the approved service_reply template; its
   * "Показать варианты" button brings the products back.
   */
  private serviceReplyTemplate(customer: Customer, answer: AssistantReply) {
    return this.deps.templates.build({
      name: 'service_reply',
      language: answer.language,
      parameters: { customer_name: customer.name ?? botText(answer.language, 'customer.fallbackName'), answer: answer.summary },
      payloads: { resume: 'resume' },
    });
  }

  /** Text, typed or heard: commands are carried out, the engine answers the rest, and what the customer asked for becomes their taste. */
  private async answerText(text: string, state: TurnState): Promise<AssistantReply> {
    state.memory.push({ role: 'customer', text, at: this.deps.now() });
    const analysis = analyze(text);
    const { understanding } = analysis;
    // "ok", "200к", «менеджер» or an emoji says nothing about the language: keep the one we know.
    if (analysis.languageKnown) state.language = understanding.language;
    const command = commandOf(text, understanding);
    if (command !== undefined) {
      const answer = await this.deps.commands.respond(command, {
        customer: state.customer,
        language: state.language,
        viewed: state.recentViews,
        lastShown: state.lastShown,
        preferences: state.preferences,
        recent: [...state.recent, ...state.memory].slice(-MEMORY_WINDOW),
      });
      if (answer.intent === 'manager') state.handedOff = true;
      state.memory.push({ role: 'assistant', text: answer.summary, at: this.deps.now() });
      return answer;
    }
    const context: TurnContext = {
      customer: state.customer,
      text,
      understanding,
      language: state.language,
      preferences: state.preferences,
      recent: [...state.recent, ...state.memory.slice(0, -1)].slice(-MEMORY_WINDOW),
      viewedProductIds: state.recentViews,
    };
    const engineAnswer = await this.deps.engine.respond(context);
    state.language = engineAnswer.language;
    for (const signal of [signalFrom(understanding), ...(engineAnswer.preferenceSignals ?? [])]) {
      if (signal) state.preferences = applySignal(state.preferences, signal);
    }
    const misunderstood = understanding.intent === 'other' && engineAnswer.productIds.length === 0;
    state.misunderstandings = misunderstood ? state.misunderstandings + 1 : 0;
    const callPerson =
      engineAnswer.handoffRequested === true ||
      (state.misunderstandings >= MISUNDERSTANDINGS_BEFORE_HANDOFF && (await this.deps.handoff.available()));
    const answer = callPerson
      ? await this.handOff(state, engineAnswer.handoffRequested ? 'assistant' : 'misunderstanding', engineAnswer)
      : engineAnswer;
    state.memory.push({ role: 'assistant', text: answer.summary, at: this.deps.now() });
    return answer;
  }

  /** The model asked for a person, or the customer was not understood a few times running. */
  private async handOff(state: TurnState, reason: 'assistant' | 'misunderstanding', engineAnswer: AssistantReply): Promise<AssistantReply> {
    state.misunderstandings = 0;
    const started = await this.deps.handoff.start({
      waId: state.customer.waId,
      ...(state.customer.name ? { name: state.customer.name } : {}),
      language: state.language,
      reason,
      preferences: state.preferences,
      recent: [...state.recent, ...state.memory].slice(-MEMORY_WINDOW),
    });
    if (started.intent === 'manager') state.handedOff = true;
    return { ...started, usage: engineAnswer.usage ?? [] };
  }

  private mediaTurn(state: TurnState): MediaTurn {
    return {
      customer: state.customer,
      language: state.language,
      answerText: (text, heardLanguage) => {
        if (heardLanguage) state.language = heardLanguage;
        return this.answerText(text, state);
      },
      learn: (signal, usage, memoryText) => {
        if (usage) state.usage.push(usage);
        state.memory.push({ role: 'customer', text: memoryText, at: this.deps.now() });
        state.preferences = applySignal(state.preferences, signal);
      },
      used: (usage) => {
        if (usage) state.usage.push(usage);
      },
      finalAttempt: state.finalAttempt,
      failed: (reason) => {
        state.deadLetterReason = reason;
      },
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
