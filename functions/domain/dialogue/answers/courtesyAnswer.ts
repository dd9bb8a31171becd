import { botText } from '../../texts/botTexts';
import { textAnswer, type PlanAnswerer } from './planContext';

/** Thanks, a goodbye or «ок» answered as such, not as an off-topic message. */
export const courtesyAnswer: PlanAnswerer<'courtesy'> = async (plan, context) =>
  textAnswer(context, botText(context.turn.language, `courtesy.${plan.courtesy}`), plan.courtesy);
