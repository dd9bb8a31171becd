import type { AssistantReply } from '../../assistant/assistantReply';
import type { ShoppingTools } from '../../assistant/shoppingTools';
import type { TurnContext } from '../../assistant/turnContext';
import type { WorkingHours } from '../../handoff/workingHours';
import type { Recommender } from '../../recommendations/recommender';
import type { Showroom } from '../../showrooms/showrooms';
import type { ImageUrlResolver } from '../../replies/productMessages';
import type { Analysis } from '../../understanding/understand';
import type { OutboundMessage } from '../../whatsapp/outboundMessage';
import type { DialogueState } from '../dialogueState';
import type { Plan, PlanKind } from '../plan';
import type { Screen } from '../planTurn';

/** What the offline assistant's answers are built from. */
export interface DialogueDependencies {
  tools: ShoppingTools;
  recommender: Recommender;
  imageUrlOf: ImageUrlResolver;
  /** When a person reads this chat: told with instructions when no manager takes over. */
  hours: WorkingHours;
  /** Where customers can see the furniture (data/showrooms.json). */
  showrooms: readonly Showroom[];
}

/** One turn as a plan's answerer sees it. */
export interface PlanContext {
  turn: TurnContext;
  analysis: Analysis;
  state: DialogueState;
  screen: Screen;
  deps: DialogueDependencies;
}

/** Answers one kind of plan; the reply carries the conversation's state after it. */
export type PlanAnswerer<K extends PlanKind> = (plan: Extract<Plan, { kind: K }>, context: PlanContext) => Promise<AssistantReply>;

export interface ReplyParts {
  messages: OutboundMessage[];
  summary: string;
  intent: string;
  productIds?: string[];
  dialogue?: DialogueState;
  understood?: boolean;
}

/** A reply of the offline assistant in the turn's language; the dialogue state stays as it was unless the parts change it. */
export function offlineReply(context: PlanContext, parts: ReplyParts): AssistantReply {
  return {
    messages: parts.messages,
    language: context.turn.language,
    summary: parts.summary,
    intent: parts.intent,
    productIds: parts.productIds ?? [],
    engine: 'offline',
    dialogue: parts.dialogue ?? context.state,
    understood: parts.understood ?? true,
  };
}

/** A plain text reply. */
export function textAnswer(context: PlanContext, body: string, intent: string, dialogue?: DialogueState): AssistantReply {
  return offlineReply(context, { messages: [{ kind: 'text', body }], summary: body, intent, ...(dialogue ? { dialogue } : {}) });
}
