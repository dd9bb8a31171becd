import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { QueuedEvent } from '../../functions/contracts/queuedEvent';
import { sqsRecord } from '../../local/sqs/queuedEventRecord';

export { sqsRecord };
import type { Customer, InboundContent } from '../../functions/domain/whatsapp/inboundMessage';

export function sqsEvent(records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

let messageCounter = 0;

export function inbound(customer: Customer, content: InboundContent, id = `wamid.test${++messageCounter}`): QueuedEvent {
  return {
    v: 1,
    kind: 'message',
    receivedAt: Date.now(),
    phoneNumberId: '100000000000001',
    customer,
    message: { id, timestamp: Date.now(), content },
  };
}

export function text(customer: Customer, body: string, id?: string): QueuedEvent {
  return inbound(customer, { kind: 'text', text: body }, id);
}
