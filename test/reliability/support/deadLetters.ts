import type { FifoQueue } from '../../../local/sqs/fifoQueue';

export interface DeadLetter {
  /** The SQS message id, kept by the redrive. */
  messageId: string;
  /** The WhatsApp message id, for a message event. */
  whatsAppMessageId?: string;
  /** Deliveries from the main queue before the redrive. */
  receiveCount: number;
}

/** Everything in the dead-letter queue, drained: a group holding more than a batch unlocks only as its head is deleted. */
export async function drainDeadLetters(queue: FifoQueue): Promise<DeadLetter[]> {
  const letters: DeadLetter[] = [];
  for (;;) {
    const batch = await queue.receive({ maxMessages: 10 });
    if (batch.length === 0) return letters;
    for (const message of batch) {
      const event = JSON.parse(message.body) as { kind?: string; message?: { id?: string } };
      const whatsAppMessageId = event.kind === 'message' ? event.message?.id : undefined;
      letters.push({
        messageId: message.messageId,
        ...(whatsAppMessageId === undefined ? {} : { whatsAppMessageId }),
        // The redrive keeps the count, and reading it here is one more delivery.
        receiveCount: Number(message.attributes.ApproximateReceiveCount) - 1,
      });
      queue.delete(message.receiptHandle);
    }
  }
}
