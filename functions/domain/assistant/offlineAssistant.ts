import { answerPlan } from '../dialogue/dialogueAnswers';
import type { DialogueDependencies } from '../dialogue/answers/planContext';
import type { DialogueState } from '../dialogue/dialogueState';
import type { PlannedTurn } from '../dialogue/plan';
import { planTurn, type Screen } from '../dialogue/planTurn';
import type { Product } from '../catalog/product';
import type { Language } from '../language';
import { analyze, type Analysis, type Understanding } from '../understanding/understand';
import type { AssistantEngine } from './assistantEngine';
import type { AssistantReply } from './assistantReply';
import type { ProductFilters } from './shoppingTools';
import type { TurnContext } from './turnContext';

export function filtersFrom(understanding: Understanding, text: string): ProductFilters {
  const filters: ProductFilters = { text };
  if (understanding.category) filters.category = understanding.category;
  if (understanding.color) filters.color = understanding.color;
  if (understanding.style) filters.style = understanding.style;
  if (understanding.budget_min !== undefined) filters.budgetMin = understanding.budget_min;
  if (understanding.budget_max !== undefined) filters.budgetMax = understanding.budget_max;
  return filters;
}

export function textReply(body: string, language: Language, intent: string): AssistantReply {
  return { messages: [{ kind: 'text', body }], language, summary: body, intent, productIds: [], engine: 'offline' };
}

export type OfflineAssistantDependencies = DialogueDependencies;

/**
 * The assistant that needs no network: rule-based understanding in Russian,
 * Kazakh and English, read against the conversation so far (the search the
 * customer is refining, the list they point at, the product they ask about),
 * then the shared shopping tools and reply formatter. It answers when there
 * is no OpenAI key, whenever the model fails, and the turns it resolves with
 * confidence when routing keeps them off the model.
 */
export class OfflineAssistant implements AssistantEngine {
  constructor(private readonly deps: OfflineAssistantDependencies) {}

  async respond(context: TurnContext): Promise<AssistantReply> {
    const { analysis, screen, planned } = await this.plan(context);
    return answerPlan(planned.plan, { turn: context, analysis, state: context.dialogue, screen, deps: this.deps });
  }

  /** Whether this turn is one the offline assistant answers as well as the model would (see planTurn). */
  async resolves(context: TurnContext): Promise<boolean> {
    return (await this.plan(context)).planned.confident;
  }

  private async plan(context: TurnContext): Promise<{ analysis: Analysis; screen: Screen; planned: PlannedTurn }> {
    const analysis = analyze(context.text);
    const screen = await this.screenOf(context.dialogue);
    return { analysis, screen, planned: planTurn(analysis, context.dialogue, screen) };
  }

  private async screenOf(state: DialogueState): Promise<Screen> {
    const get = (id: string) => this.deps.tools.getProduct(id);
    const [focus, ...shown] = await Promise.all([state.focus ? get(state.focus) : undefined, ...state.shown.map(get)]);
    return { ...(focus ? { focus } : {}), shown: shown.filter((product): product is Product => product !== undefined) };
  }
}
