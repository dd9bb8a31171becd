import type { QueuedEvent } from './queuedEvent';

/** Where the webhook hands events to the consumer: SQS FIFO in AWS and in `npm start`. */
export interface EventQueue {
  /** Resolves once every event is durably queued; rejects with EnqueueFailedError otherwise. */
  enqueue(events: readonly QueuedEvent[]): Promise<void>;
}

export class EnqueueFailedError extends Error {
  override readonly name = 'EnqueueFailedError';
  constructor(
    message: string,
    readonly failedCount: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
