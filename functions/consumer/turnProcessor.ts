import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { ConversationService, TurnResult } from '../domain/conversation/conversationService';
import type { Messenger } from '../domain/conversation/ports';
import type { Turn } from '../domain/conversation/turn';
import { DEFAULT_LANGUAGE } from '../domain/language';
import { botText } from '../domain/texts/botTexts';
import { understand } from '../domain/understanding/understand';
import { customerRef } from '../observability/customerRef';
import type { MessageClaims } from './messageClaims';

const DONE_MARK_FIRST_PAUSE_MS = 200;

export class MessageBusyError extends Error {
  override readonly name = 'MessageBusyError';
}

/** The turn was answered with an apology on its last delivery: failing the record keeps it in the dead-letter queue. */
export class DeadLetteredTurnError extends Error {
  override readonly name = 'DeadLetteredTurnError';
}

/** A send failure that no retry can fix (e.g. the number cannot receive WhatsApp). */
export type PermanentFailureTest = (error: unknown) => boolean;

export interface TurnProcessorDependencies {
  claims: MessageClaims;
  conversation: Pick<ConversationService, 'handleTurn'>;
  /** Counts what the turn was (its language); its model calls were booked one by one as they came back. Its failures never fail the turn. */
  afterTurn: (result: TurnResult) => Promise<void>;
  messenger: Messenger;
  isPermanentFailure: PermanentFailureTest;
  logger: Logger;
  metrics: Metrics;
}

/**
 * Claims every message of the turn, answers the ones not answered before,
 * then marks them done. On a failure the claims are given back and the error
 * goes up, so SQS redelivers the turn and nothing accepted is lost; on the
 * last delivery the customer gets an apology and the turn goes to the
 * dead-letter queue answered, so a redrive never answers it twice.
 */
export class TurnProcessor {
  constructor(private readonly deps: TurnProcessorDependencies) {}

  async process(turn: Turn, leaseMs: number): Promise<void> {
    const { claims, logger, metrics } = this.deps;
    const customer = customerRef(turn.customer.waId);
    const answerBy = Date.now() + leaseMs;
    const claimed: string[] = [];
    for (const message of turn.messages) {
      const outcome = await claims.claim(message.id, leaseMs);
      if (outcome === 'claimed') {
        claimed.push(message.id);
      } else if (outcome === 'done') {
        metrics.addMetric('DuplicateMessageSkipped', MetricUnit.Count, 1);
        logger.info('message already answered', { customer, messageId: message.id });
      } else {
        await this.releaseAll(claimed);
        throw new MessageBusyError(`message ${message.id} is being answered by another invocation`);
      }
    }
    if (claimed.length === 0) return;
    const messages = turn.messages.filter((message) => claimed.includes(message.id));
    const last = messages.at(-1);

    let deadLetterReason: string | undefined;
    let answered = claimed;
    try {
      if (last !== undefined) await this.markRead(last.id);
      const result = await this.deps.conversation.handleTurn({
        customer: turn.customer,
        messages,
        ...(turn.finalAttempt ? { finalAttempt: true } : {}),
        ...(turn.redelivered ? { redelivered: true } : {}),
        answerBy,
      });
      deadLetterReason = result.deadLetterReason;
      metrics.addMetric('TurnsAnswered', MetricUnit.Count, 1);
      metrics.addMetric('RepliesSent', MetricUnit.Count, result.sent.length);
      logger.info('turn answered', {
        customer,
        messages: messages.length,
        replies: result.sent.length,
        intents: result.intents,
        modelCalls: result.usage.length,
      });
      await this.deps.afterTurn(result).catch((error: unknown) => {
        // The answers are out: a bookkeeping failure must not send the turn back to be answered again.
        metrics.addMetric('AfterTurnFailed', MetricUnit.Count, 1);
        logger.error('booking the turn usage failed', { customer, error });
      });
    } catch (error) {
      if (this.deps.isPermanentFailure(error)) {
        metrics.addMetric('ReplyUndeliverable', MetricUnit.Count, 1);
        logger.error('reply cannot be delivered; not retrying', { customer, error });
      } else if (turn.finalAttempt && (await this.apologise(turn))) {
        // The customer has been told; the messages on their last delivery stay answered, and in the dead-letter queue
        // for a person to look at. Later messages of the burst are given back: SQS delivers them again, answered alone.
        deadLetterReason = `last delivery failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
        const last = turn.lastDeliveries;
        if (last !== undefined) {
          answered = claimed.filter((id) => last.includes(id));
          await this.releaseAll(claimed.filter((id) => !last.includes(id)));
        }
      } else {
        await this.releaseAll(claimed);
        throw error;
      }
    }
    await this.markDone(answered, answerBy);
    if (deadLetterReason !== undefined) {
      metrics.addMetric('TurnsDeadLettered', MetricUnit.Count, 1);
      logger.error('turn goes to the dead-letter queue', { customer, messageIds: answered, reason: deadLetterReason });
      throw new DeadLetteredTurnError(deadLetterReason);
    }
  }

  /**
   * The answers are out, so the claims must say so before their lease runs
   * out, or a redelivery would answer again: a database that is down is
   * waited for until then. Failing the record would not help: its retry
   * answers again once the lease is over. Marking done twice is harmless.
   */
  private async markDone(messageIds: readonly string[], answerBy: number): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await Promise.all(messageIds.map((id) => this.deps.claims.complete(id)));
        return;
      } catch (error) {
        const pause = DONE_MARK_FIRST_PAUSE_MS * 2 ** attempt;
        if (Date.now() + pause >= answerBy) {
          this.deps.metrics.addMetric('ClaimCompleteFailed', MetricUnit.Count, 1);
          this.deps.logger.error('marking the answered messages done failed until their claim ran out', {
            messageIds,
            attempts: attempt + 1,
            error,
          });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  /** On the last delivery of a failing turn: a short apology in the customer's language, if WhatsApp takes it. */
  private async apologise(turn: Turn): Promise<boolean> {
    const text = turn.messages.flatMap((message) => (message.content.kind === 'text' ? [message.content.text] : [])).join(' ');
    const language = text ? understand(text).language : DEFAULT_LANGUAGE;
    try {
      await this.deps.messenger.send(turn.customer.waId, { kind: 'text', body: botText(language, 'error.generic') });
      return true;
    } catch (error) {
      this.deps.logger.error('the apology could not be sent either', { error });
      return false;
    }
  }

  /** The blue ticks and typing indicator are a courtesy: failing them must not fail the answer. */
  private async markRead(messageId: string): Promise<void> {
    try {
      await this.deps.messenger.markRead(messageId);
    } catch (error) {
      this.deps.metrics.addMetric('MarkReadFailed', MetricUnit.Count, 1);
      this.deps.logger.warn('mark as read failed', { error });
    }
  }

  private async releaseAll(messageIds: readonly string[]): Promise<void> {
    await Promise.all(
      messageIds.map((id) =>
        this.deps.claims.release(id).catch((error: unknown) => {
          // The lease expires on its own; the retry waits for it instead of being lost.
          this.deps.metrics.addMetric('ClaimReleaseFailed', MetricUnit.Count, 1);
          this.deps.logger.warn('claim release failed', { error });
        }),
      ),
    );
  }
}
