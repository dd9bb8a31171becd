/** What one customer message costs the stack, measured by a scripted run (local/capacity/measureMessageUse.ts). */
export interface MessageUse {
  /** Customer messages of the run the figures are divided by. */
  customerMessages: number;
  /** Meta's POSTs to the webhook: the message itself and the statuses of the answers (sent, delivered, read). */
  webhookPosts: number;
  /** Messages sent to the customer through the Graph API (what Meta's per-number throughput counts). */
  graphSends: number;
  /** Records the consumer is handed, and its invocations. */
  consumerRecords: number;
  invocations: Record<string, number>;
  /** Billed duration of each function's invocations, from the cost ledger: p50 and p90, in ms. */
  durationMs: Record<string, { p50: number; p90: number }>;
  /** SQS calls: the webhook's SendMessageBatch, the event source's ReceiveMessage (one per batch) and DeleteMessageBatch. */
  sqsSendCalls: number;
  sqsReceiveCalls: number;
  sqsDeleteCalls: number;
  /** DynamoDB units, from the ledger (what DynamoDB reported as consumed). */
  dynamodbWriteUnits: number;
  dynamodbReadUnits: number;
  /** Items written per customer message (a batch write counts its items): units ÷ writes is the average item's cost. */
  dynamodbWrites: number;
  /** Partition keys shared by customers (the ledger's shards, claims, counters…), by shape. */
  sharedKeys: SharedKeyUse[];
  schedulerCalls: number;
  secretsCalls: number;
}

export interface SharedKeyUse {
  /** The key with its digits as 9s: `LEDGER#9999-99-99#99`, `IDEMPOTENCY`. */
  shape: string;
  /** How many keys of that shape the load is spread over at once (a day's shards). */
  keys: number;
  writesPerMessage: number;
  readsPerMessage: number;
}
