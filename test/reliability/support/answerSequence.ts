import { APOLOGY } from './answeredCategory';
import type { PlannedMessage } from './loadPlan';

export interface SequenceVerdict {
  /** Each problem, in words; none when the answers are right. */
  problems: string[];
  /** Dead-lettered messages that were answered once all the same, in their turn or later. */
  answeredAndDeadLettered: string[];
}

/**
 * Matches a customer's answers to their messages: every message is answered
 * exactly once, in the order the customer wrote, unless it was dead-lettered.
 * A dead-lettered message may still be answered once: on the delivery that
 * ran out of retries (the consumer apologises, or its answer went out just
 * before a crash), or later, when Meta delivers it again after SQS's
 * deduplication window, which is after what the customer wrote since. Each
 * message asks for a different category, so a second answer or one out of
 * order cannot match.
 */
export function verifyAnswerSequence(
  messages: readonly PlannedMessage[],
  answeredCategories: readonly string[],
  deadLettered: ReadonlySet<string>,
): SequenceVerdict {
  const problems: string[] = [];
  const answeredAndDeadLettered: string[] = [];
  // Dead-lettered messages not answered in their turn: each may be answered later, once.
  const waiting: PlannedMessage[] = [];
  let next = 0;
  const answerLate = (): boolean => {
    const answer = answeredCategories[next];
    const index = waiting.findIndex((message) => message.category === answer || answer === APOLOGY);
    if (index < 0) return false;
    answeredAndDeadLettered.push(...waiting.splice(index, 1).map((message) => message.id));
    next += 1;
    return true;
  };
  for (const [position, message] of messages.entries()) {
    const dead = deadLettered.has(message.id);
    while (answeredCategories[next] !== message.category && answerLate());
    if (answeredCategories[next] === message.category || (dead && answeredCategories[next] === APOLOGY)) {
      if (dead) answeredAndDeadLettered.push(message.id);
      next += 1;
    } else if (dead) {
      waiting.push(message);
    } else {
      problems.push(`message ${position} (${message.category}) is neither answered in its turn nor dead-lettered`);
    }
  }
  while (answerLate());
  if (next < answeredCategories.length) problems.push(`unexpected answers: ${answeredCategories.slice(next).join(' ')}`);
  return { problems, answeredAndDeadLettered };
}
