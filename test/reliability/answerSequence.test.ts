import { describe, expect, it } from 'vitest';
import { APOLOGY } from './support/answeredCategory';
import { verifyAnswerSequence } from './support/answerSequence';
import type { PlannedMessage } from './support/loadPlan';

/** The load test's judge, judged: it must catch every way answers go wrong, and only those. */
const messages: PlannedMessage[] = (['sofa', 'bed', 'desk', 'shelf'] as const).map((category, position) => ({
  id: `m${position}`,
  kind: 'tap',
  category,
  replyId: `category:${category}`,
  title: category,
}));
const none = new Set<string>();

describe('verifyAnswerSequence', () => {
  it('accepts one answer per message, in order', () => {
    expect(verifyAnswerSequence(messages, ['sofa', 'bed', 'desk', 'shelf'], none)).toEqual({ problems: [], answeredAndDeadLettered: [] });
  });

  it('finds a lost message, a second answer and answers out of order', () => {
    expect(verifyAnswerSequence(messages, ['sofa', 'desk', 'shelf'], none).problems).toEqual([
      'message 1 (bed) is neither answered in its turn nor dead-lettered',
    ]);
    expect(verifyAnswerSequence(messages, ['sofa', 'bed', 'bed', 'desk', 'shelf'], none).problems).not.toEqual([]);
    expect(verifyAnswerSequence(messages, ['sofa', 'desk', 'bed', 'shelf'], none).problems).not.toEqual([]);
  });

  it('accepts a dead-lettered message unanswered, apologised for, or answered once later', () => {
    const dead = new Set(['m1']);
    expect(verifyAnswerSequence(messages, ['sofa', 'desk', 'shelf'], dead).problems).toEqual([]);
    expect(verifyAnswerSequence(messages, ['sofa', APOLOGY, 'desk', 'shelf'], dead)).toEqual({
      problems: [],
      answeredAndDeadLettered: ['m1'],
    });
    expect(verifyAnswerSequence(messages, ['sofa', 'desk', 'shelf', 'bed'], dead)).toEqual({
      problems: [],
      answeredAndDeadLettered: ['m1'],
    });
    expect(verifyAnswerSequence(messages, ['sofa', 'bed', 'desk', 'shelf', 'bed'], dead).problems).toEqual(['unexpected answers: bed']);
  });
});
