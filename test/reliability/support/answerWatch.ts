import type { ConversationLog } from '../../../local/simulator/conversationLog';

export interface AnswerWatch {
  /** Resolves once the customer has `count` answers, or after `timeoutMs` (a dead-lettered message is never answered). */
  answers(waId: string, count: number, timeoutMs: number): Promise<void>;
  /** When the chat log last changed: a settled system stays quiet. */
  lastActivityAt(): number;
  close(): void;
}

/** Follows the simulator's chat log (what the Graph API stand-in was sent) without polling over HTTP. */
export function watchAnswers(conversations: ConversationLog): AnswerWatch {
  const answered = new Map<string, number>();
  const waiters = new Map<string, Array<{ count: number; resolve: () => void }>>();
  let lastActivity = Date.now();

  const unsubscribe = conversations.subscribe((waId, message) => {
    lastActivity = Date.now();
    if (message.direction !== 'out' || message.status !== undefined) return;
    const count = (answered.get(waId) ?? 0) + 1;
    answered.set(waId, count);
    const pending = waiters.get(waId) ?? [];
    for (const waiter of pending.filter((candidate) => candidate.count <= count)) waiter.resolve();
    waiters.set(
      waId,
      pending.filter((candidate) => candidate.count > count),
    );
  });

  return {
    answers: (waId, count, timeoutMs) =>
      new Promise<void>((resolve) => {
        if ((answered.get(waId) ?? 0) >= count) return resolve();
        const timer = setTimeout(resolve, timeoutMs);
        waiters.set(waId, [
          ...(waiters.get(waId) ?? []),
          {
            count,
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          },
        ]);
      }),
    lastActivityAt: () => lastActivity,
    close: unsubscribe,
  };
}
