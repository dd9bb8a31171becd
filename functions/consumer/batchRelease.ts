import type { SQSRecord } from 'aws-lambda';

/**
 * Gives records back to the queue at once (their visibility set to zero),
 * for the ones an invocation will not start because too little of its time
 * is left: they go to the next poller now instead of after the visibility
 * timeout, and no turn is cut off by the function's timeout.
 */
export interface BatchRelease {
  release(records: readonly SQSRecord[]): Promise<void>;
}

/** Too little time left to start a turn: the record is released, not failed by a timeout half-way. */
export class NotEnoughTimeError extends Error {
  override readonly name = 'NotEnoughTimeError';
}
