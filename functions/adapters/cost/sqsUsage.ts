import type { SQSClient } from '@aws-sdk/client-sqs';
import { currentMeter } from '../../observability/usageMeterContext';

/** SQS bills every 64 KB of a request's payload as one request. */
const BILLED_CHUNK_BYTES = 64 * 1024;

interface SentEntry {
  MessageBody?: string;
  MessageAttributes?: Record<string, { StringValue?: string; DataType?: string }>;
}

/**
 * Meters the SQS requests the client makes (the webhook's SendMessageBatch).
 * The consumer's ReceiveMessage and DeleteMessageBatch are made by Lambda's
 * event source mapping, not by this code: the consumer books an estimate for
 * them (functions/observability/invocationUsage.ts).
 */
export function meterSqsUsage(client: SQSClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      currentMeter()?.record({ kind: 'sqs', requests: billedRequests(context.commandName ?? '', args.input) });
      return result;
    },
    { step: 'initialize', name: 'zetaSqsUsage', override: true },
  );
}

function billedRequests(command: string, input: unknown): number {
  const request = input as { Entries?: SentEntry[] } & SentEntry;
  const entries = command === 'SendMessageBatchCommand' ? (request.Entries ?? []) : command === 'SendMessageCommand' ? [request] : [];
  if (entries.length === 0) return 1;
  const bytes = entries.reduce((sum, entry) => sum + payloadBytes(entry), 0);
  return Math.max(1, Math.ceil(bytes / BILLED_CHUNK_BYTES));
}

function payloadBytes(entry: SentEntry): number {
  let bytes = Buffer.byteLength(entry.MessageBody ?? '');
  for (const [name, value] of Object.entries(entry.MessageAttributes ?? {})) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '') + Buffer.byteLength(value.StringValue ?? '');
  }
  return bytes;
}
