import { buyAnswer, orderDetailsAnswer } from './answers/orderAnswer';
import { bundleAnswer } from './answers/bundleAnswer';
import { compareAnswer } from './answers/compareAnswer';
import { complementAnswer } from './answers/complementAnswer';
import { courtesyAnswer } from './answers/courtesyAnswer';
import { greetingAnswer, helpAnswer, notUnderstoodAnswer, recommendAnswer } from './answers/intentAnswers';
import type { PlanAnswerer } from './answers/planContext';
import { beyondAnswer, nothingShownAnswer, showAnswer, whichAnswer } from './answers/pointingAnswers';
import { otherColorsAnswer } from './answers/otherColorsAnswer';
import { productAnswer } from './answers/productAnswer';
import { searchAnswer } from './answers/searchAnswer';
import { storeAnswer } from './answers/storeAnswer';
import { totalAnswer } from './answers/totalAnswer';
import type { Plan, PlanKind } from './plan';
import type { PlanContext } from './answers/planContext';
import type { AssistantReply } from '../assistant/assistantReply';

/** Every kind of plan has its answerer: a plan added without one does not compile. */
const DIALOGUE_ANSWERERS: { readonly [K in PlanKind]: PlanAnswerer<K> } = {
  search: searchAnswer,
  show: showAnswer,
  beyond: beyondAnswer,
  which: whichAnswer,
  nothingShown: nothingShownAnswer,
  productQuestion: productAnswer,
  compare: compareAnswer,
  otherColors: otherColorsAnswer,
  storeQuestion: storeAnswer,
  courtesy: courtesyAnswer,
  buy: buyAnswer,
  orderDetails: orderDetailsAnswer,
  bundle: bundleAnswer,
  total: totalAnswer,
  complement: complementAnswer,
  greeting: greetingAnswer,
  help: helpAnswer,
  recommend: recommendAnswer,
  notUnderstood: notUnderstoodAnswer,
};

/** Calls the answerer of the plan's own kind. */
export function answerPlan(plan: Plan, context: PlanContext): Promise<AssistantReply> {
  const answerer = DIALOGUE_ANSWERERS[plan.kind] as PlanAnswerer<typeof plan.kind>;
  return answerer(plan as never, context);
}
