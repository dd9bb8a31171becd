import type { AiUsage } from '../assistant/aiUsage';
import type { AssistantEngine } from '../assistant/assistantEngine';
import type { AssistantReply } from '../assistant/assistantReply';
import { textReply } from '../assistant/offlineAssistant';
import type { TurnContext } from '../assistant/turnContext';
import type { Product } from '../catalog/product';
import { DEFAULT_LANGUAGE, type Language } from '../language';
import { applySignal, NO_PREFERENCES, type PreferenceSignal, type Preferences } from '../preferences/preferences';
import type { Customer } from '../whatsapp/inboundMessage';
import { botText } from '../texts/botTexts';
import { analyze, type Understanding } from '../understanding/understand';
import type {
  CustomerLocation,
  CustomerProfile,
  CustomerRepository,
  MemoryEntry,
  ProductViewStats,
  SentMessageRecord,
  TurnProgress,
} from './ports';
import type { CustomerDelivery } from '../messaging/customerDelivery';
import { isWithinRedelivery } from '../messaging/customerWindow';
import type { TemplateCatalog } from '../messaging/templateCatalog';
import { FOLLOW_UP_AFTER_MS, FOLLOW_UP_MOVE_INTERVAL_MS, type FollowUpScheduler } from '../followups/followUpScheduler';
import { isHandedOff, leadIdentity } from '../handoff/handoff';
import type { CustomerIdentities } from '../identity/customerIdentities';
import { addressOf } from '../whatsapp/customerIds';
import type { HandoffService } from '../handoff/handoffService';
import type { CustomerRateLimiter, RateWindow } from '../limits/customerRateLimiter';
import type { InboundContent, InboundMessage } from '../whatsapp/inboundMessage';
import { answerWith, type Answerers, type TurnInProgress } from './answerers/answerer';
import type { CommandResponder } from './commandResponder';
import type { ManagerDesk } from './managerDesk';
import { commandOf } from './customerCommands';
import { isPrivacyRequest } from './privacyRequests';
import { segmentTurn, type Turn, type TurnSegment } from './turn';
import { afterShowing, dialogueStateFrom, type DialogueState } from '../dialogue/dialogueState';
import { joinTexts } from '../replies/joinTexts';

export const MEMORY_WINDOW = 10;
/** Previous views a new view is paired with for "customers who viewed this also viewed". */
const CO_VIEW_DEPTH = 5;
const RECENT_VIEWS_KEPT = 20;
/** What the customer asks for outright weighs more than what they happen to open. */
const STATED_WEIGHT = 2;
const VIEWED_WEIGHT = 1;
const SHOPPING_INTENTS = new Set(['search', 'recommend', 'price_alert']);

/** What the conversation reads and writes about the customer. */
export interface ConversationMemory {
  /** Who the customer is: the one key their phone number and BSUID lead to. */
  identities: Pick<CustomerIdentities, 'settle'>;
  customers: CustomerRepository;
  viewStats: ProductViewStats;
  /** How far a failed turn got in sending its answers. */
  progress: TurnProgress;
  /** Proactive follow-ups after a week of silence; absent when the deployment does not send them. */
  followUps?: FollowUpScheduler;
}

/** How each part of a turn is answered. */
export interface ConversationAnswering {
  /** One answerer per kind of inbound message. */
  answerers: Answerers;
  /** The text path: the customer's commands, then the assistant engine. */
  commands: CommandResponder;
  engine: AssistantEngine;
  /** A person, when the customer or the engine asks for one or the assistant keeps missing. */
  handoff: HandoffService;
}

/** Who is answered, and how much. */
export interface ConversationAdmission {
  limiter: CustomerRateLimiter;
  /** The manager's own messages are commands, not a customer turn. */
  managerDesk: ManagerDesk;
}

/** How the answers reach the customer: free-form inside the 24-hour window, an approved template outside it. */
export interface ConversationSending {
  delivery: CustomerDelivery;
  templates: TemplateCatalog;
}

export interface ConversationDependencies {
  memory: ConversationMemory;
  answering: ConversationAnswering;
  admission: ConversationAdmission;
  sending: ConversationSending;
  /** Told of bookkeeping that failed after the answers went out (logged and counted, never retried). */
  onAfterSendingError: (stage: string, error: unknown) => void;
  /** Told of messages delivered past Meta's seven-day redelivery horizon: remembered, not answered (counted). */
  onLateMessages: (count: number) => void;
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
  dialogue: DialogueState;
  /** A person took over during this turn: the rest of it stays unanswered by the bot. */
  handedOff: boolean;
  /** The customer's data was erased during this turn: nothing more may be stored. */
  erased: boolean;
  finalAttempt: boolean;
  deadLetterReason?: string;
  /** What was answered once already in this turn (see TurnInProgress.firstTime). */
  answeredOnce: Set<string>;
  location?: CustomerLocation;
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

  async handleTurn(arrived: Turn): Promise<TurnResult> {
    // Whichever identifiers the customer wrote with, their data is kept under one key (domain/identity).
    const customer = await this.deps.memory.identities.settle(arrived.customer, arrived.messages);
    const turn: Turn = { ...arrived, customer };
    if (this.deps.admission.managerDesk.isManager(customer)) {
      return {
        sent: await this.deps.admission.managerDesk.handle(turn),
        intents: ['manager_command'],
        language: DEFAULT_LANGUAGE,
        engines: [],
        usage: [],
      };
    }
    const snapshot = await this.deps.memory.customers.load(customer.waId, MEMORY_WINDOW);
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
      dialogue: dialogueStateFrom(snapshot.profile?.dialogue),
      handedOff: isHandedOff(snapshot.profile?.handoff, this.deps.now()),
      erased: false,
      finalAttempt: turn.finalAttempt ?? false,
      answeredOnce: new Set(),
      ...(snapshot.profile?.location ? { location: snapshot.profile.location } : {}),
    };
    const { memory } = state;
    const replies: AssistantReply[] = [];
    // Meta redelivers for seven days: anything older was long answered by a person or is moot; it is kept, not answered.
    const late = turn.messages.filter((message) => !isWithinRedelivery(message.timestamp, this.deps.now()));
    const { admitted, notice } = await this.admit(
      customer.waId,
      turn.messages.filter((message) => !late.includes(message)),
    );
    for (const { content } of segmentTurn(late)) {
      memory.push(this.customerLine(content));
      // What they asked for still tells their taste (a follow-up a week later uses it), unanswered as it is.
      const signal = content.kind === 'text' ? signalFrom(analyze(content.text).understanding) : undefined;
      if (signal) state.preferences = applySignal(state.preferences, signal);
    }
    if (late.length > 0) this.deps.onLateMessages(late.length);

    for (const segment of segmentTurn(admitted)) {
      if (state.erased) break;
      if (state.handedOff && !isPrivacyRequest(segment.content)) {
        // A person is answering: the bot keeps quiet but remembers, so the manager and a later bot see the whole talk.
        // Opting out and erasure are still the bot's to carry out (privacyRequests.ts).
        memory.push(this.customerLine(segment.content));
        continue;
      }
      const answered = await this.answerSegment(segment, state);
      const answer = answered?.handoffRequested ? await this.handOff(state, answered) : answered;
      if (answer) {
        memory.push({ role: 'assistant', text: answer.summary, at: this.deps.now() });
        replies.push(answer);
        if (answer.productIds.length > 0) state.lastShown = answer.productIds;
        state.dialogue = answer.dialogue ?? afterShowing(state.dialogue, answer.productIds);
      }
    }
    if (notice !== undefined && !state.handedOff) {
      replies.push(textReply(botText(state.language, `limit.${notice}`), state.language, 'rate_limited'));
    }
    if (state.erased) return this.sendAfterErasure(customer, replies, state);

    // WhatsApp's notices are not the customer writing: they open no customer service window.
    const lastInbound = turn.messages.reduce(
      (latest, message) => (message.content.kind === 'system' ? latest : Math.max(latest, message.timestamp)),
      0,
    );
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
      dialogue: state.dialogue,
      ...(name ? { name } : {}),
      ...(customer.phone ? { phone: customer.phone } : {}),
      ...(customer.userId ? { userId: customer.userId } : {}),
      ...(customer.username ? { username: customer.username } : {}),
      ...(state.location ? { location: state.location } : {}),
      ...(snapshot.profile?.followUpMovedAt !== undefined ? { followUpMovedAt: snapshot.profile.followUpMovedAt } : {}),
    };
    // Memory is ordered by the turn's own time, so a retried turn writes the same keys again instead of new ones.
    const turnStart = turn.messages[0]?.timestamp ?? this.deps.now();
    const turnId = turn.messages[0]?.id ?? String(turnStart);
    const ordered = memory.map((entry, index) => ({ ...entry, at: turnStart + index }));
    await this.deps.memory.customers.saveTurn({ turnId, profile, memory: ordered });

    // The window runs from the customer's latest message we know of, not from this turn's: a late redelivery
    // from someone who wrote a minute ago is still answered free-form.
    const sent = await this.sendReplies(turn, turnId, replies, profile.lastInboundAt);
    // Once the answers are out, nothing may fail the turn: a retry would answer the customer twice.
    await this.afterSending('record_sent', () => this.deps.memory.customers.recordSent(customer.waId, sent));
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
    const sentBefore = turn.redelivered ? await this.deps.memory.progress.sentBefore(customer.waId, turnId) : 0;
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
          const delivery = await this.deps.sending.delivery.deliver(addressOf(customer), message, { lastInboundAt }, () =>
            this.serviceReplyTemplate(answer),
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
            await this.afterSending('turn_progress', () => this.deps.memory.progress.recordSent(customer.waId, turnId, position - 1));
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
      const admission = await this.deps.admission.limiter.admit(waId, message.id, message.timestamp);
      if (admission.kind === 'allowed') admitted.push(message);
      else if (admission.kind === 'notice') notice = admission.window;
    }
    return notice === undefined ? { admitted } : { admitted, notice };
  }

  /**
   * One part of the turn. On the last delivery a part that fails gets an
   * apology and the rest of the turn is still answered: a photo the model
   * cannot read must not swallow the customer's next messages, an erasure
   * request among them. Earlier deliveries throw, and the whole turn is retried.
   */
  private async answerSegment(segment: TurnSegment, state: TurnState): Promise<AssistantReply | undefined> {
    try {
      return await answerWith(this.deps.answering.answerers, segment.content, this.turnInProgress(segment, state));
    } catch (error) {
      if (!state.finalAttempt) throw error;
      state.memory.push(this.customerLine(segment.content));
      state.deadLetterReason ??= `message ${segment.messageIds[0]} failed on its last delivery: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
      return textReply(botText(state.language, 'error.generic'), state.language, 'failed');
    }
  }

  /** After erasure the answer still goes out, but nothing about it is written back. */
  private async sendAfterErasure(customer: Customer, replies: AssistantReply[], state: TurnState): Promise<TurnResult> {
    const sent: SentMessageRecord[] = [];
    for (const answer of replies) {
      for (const message of answer.messages) {
        const { messageId } = await this.deps.sending.delivery.deliver(
          addressOf(customer),
          message,
          { lastInboundAt: this.deps.now() },
          () => this.serviceReplyTemplate(answer),
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

  /**
   * The week of silence starts again with the customer's messages, moved at
   * most once a day (FOLLOW_UP_MOVE_INTERVAL_MS); a customer who opted out
   * has no follow-up at all.
   */
  private async moveFollowUp(waId: string, profile: CustomerProfile): Promise<void> {
    const { followUps, customers } = this.deps.memory;
    if (followUps === undefined) return;
    const optedOut = (await customers.profile(waId))?.optedOut ?? profile.optedOut;
    if (optedOut) return followUps.cancel(waId);
    const now = this.deps.now();
    if (profile.followUpMovedAt !== undefined && now - profile.followUpMovedAt < FOLLOW_UP_MOVE_INTERVAL_MS) return;
    await followUps.schedule(waId, new Date(profile.lastInboundAt + FOLLOW_UP_AFTER_MS + FOLLOW_UP_MOVE_INTERVAL_MS));
    await customers.markFollowUpMoved(waId, now);
  }

  /**
   * Delayed past the 24-hour window (a long outage, a dead-letter redrive),
   * a reply can only go out as the approved service_reply template: "your
   * answer is ready", with no parameters; its "Показать ответ" button reopens
   * the window and brings the answer itself (TapResponder's resume), free.
   */
  private serviceReplyTemplate(answer: AssistantReply) {
    return this.deps.sending.templates.build({
      name: 'service_reply',
      language: answer.language,
      parameters: {},
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
      const answer = await this.deps.answering.commands.respond(command, {
        customer: state.customer,
        language: state.language,
        viewed: state.recentViews,
        lastShown: state.lastShown,
        preferences: state.preferences,
        recent: [...state.recent, ...state.memory].slice(-MEMORY_WINDOW),
        ...(state.location ? { location: state.location } : {}),
      });
      if (answer.intent === 'manager') state.handedOff = true;
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
      dialogue: state.dialogue,
    };
    const engineAnswer = await this.deps.answering.engine.respond(context);
    state.language = engineAnswer.language;
    for (const signal of [signalFrom(understanding), ...(engineAnswer.preferenceSignals ?? [])]) {
      if (signal) state.preferences = applySignal(state.preferences, signal);
    }
    // The offline assistant says when it did not understand; for the model, an unread message that shows nothing counts.
    const misunderstood =
      engineAnswer.understood === false ||
      (engineAnswer.understood === undefined && understanding.intent === 'other' && engineAnswer.productIds.length === 0);
    state.misunderstandings = misunderstood ? state.misunderstandings + 1 : 0;
    const lost = state.misunderstandings >= MISUNDERSTANDINGS_BEFORE_HANDOFF;
    return lost && !engineAnswer.handoffRequested
      ? { ...engineAnswer, handoffRequested: true, handoffReason: 'misunderstanding' }
      : engineAnswer;
  }

  /**
   * A person is called: the engine asked for one (the model's escalation, an
   * order, a question the store's facts do not answer), or the customer was
   * not understood a few times running. The offline assistant's own words
   * («Отличный выбор: …») stay above the notice of who answers and when; the
   * model's are replaced by it. With no one to hand to, the notice tells the
   * customer what to do instead.
   */
  private async handOff(state: TurnState, answer: AssistantReply): Promise<AssistantReply> {
    const reason = answer.handoffReason ?? 'assistant';
    state.misunderstandings = 0;
    const started = await this.deps.answering.handoff.start({
      ...leadIdentity(state.customer),
      language: state.language,
      reason,
      ...(answer.handoffSubject ? { subject: answer.handoffSubject } : {}),
      preferences: state.preferences,
      recent: [...state.recent, ...state.memory].slice(-MEMORY_WINDOW),
      ...(state.location ? { location: state.location } : {}),
    });
    const handedOff = started.intent === 'manager';
    if (handedOff) state.handedOff = true;
    const keepsOwnWords = answer.handoffReason !== undefined && reason !== 'misunderstanding';
    const dialogue = answer.dialogue ?? afterShowing(state.dialogue, answer.productIds);
    return {
      ...started,
      messages: keepsOwnWords ? joinTexts([...answer.messages, ...started.messages]) : started.messages,
      summary: keepsOwnWords ? `${answer.summary} ${started.summary}` : started.summary,
      productIds: keepsOwnWords ? answer.productIds : [],
      usage: answer.usage ?? [],
      // An order with no one to take it: what the customer writes next is its details.
      dialogue: { ...dialogue, awaitingOrderDetails: reason === 'purchase' && !handedOff },
    };
  }

  /** The customer's side of the talk as memory keeps it when the bot does not answer: the words, or what kind of message it was. */
  private customerLine(content: InboundContent): MemoryEntry {
    return { role: 'customer', text: content.kind === 'text' ? content.text : `[${content.kind}]`, at: this.deps.now() };
  }

  /** The turn as the answerer of one segment sees it: what is known so far, and what an answer may change. */
  private turnInProgress(segment: TurnSegment, state: TurnState): TurnInProgress {
    const remember = (text: string) => state.memory.push({ role: 'customer', text, at: this.deps.now() });
    return {
      customer: state.customer,
      messageId: segment.messageIds[0],
      get language() {
        return state.language;
      },
      get preferences() {
        return state.preferences;
      },
      get recentViews() {
        return state.recentViews;
      },
      get lastShown() {
        return state.lastShown;
      },
      get lastAnswer() {
        return [...state.recent, ...state.memory].findLast((entry) => entry.role === 'assistant')?.text;
      },
      get location() {
        return state.location;
      },
      finalAttempt: state.finalAttempt,
      answerText: (text, heardLanguage) => {
        if (heardLanguage) state.language = heardLanguage;
        return this.answerText(text, state);
      },
      remember,
      recent: () => [...state.recent, ...state.memory].slice(-MEMORY_WINDOW),
      keepLocation: (location) => {
        state.location = { ...location, at: this.deps.now() };
      },
      learn: (signal, usage, memoryText) => {
        if (usage) state.usage.push(usage);
        remember(memoryText);
        state.preferences = applySignal(state.preferences, signal);
      },
      used: (usage) => {
        if (usage) state.usage.push(usage);
      },
      viewed: (product) => this.recordView(product, state),
      erased: () => {
        state.erased = true;
      },
      failed: (reason) => {
        state.deadLetterReason = reason;
      },
      firstTime: (what) => {
        const first = !state.answeredOnce.has(what);
        state.answeredOnce.add(what);
        return first;
      },
    };
  }

  /** Opening a product teaches its style and color, and pairs it with what the customer opened before. */
  private async recordView(product: Product, state: TurnState): Promise<void> {
    const previous = state.recentViews.filter((id) => id !== product.id);
    await this.deps.memory.viewStats.recordCoViews(product.id, previous.slice(0, CO_VIEW_DEPTH));
    state.recentViews = [product.id, ...previous].slice(0, RECENT_VIEWS_KEPT);
    state.preferences = applySignal(state.preferences, {
      category: product.category,
      color: product.color,
      style: product.style,
      weight: VIEWED_WEIGHT,
    });
  }
}
