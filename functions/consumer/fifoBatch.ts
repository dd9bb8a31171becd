import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';

/** One record's work; throwing fails it and the rest of its message group. */
export type RecordHandler = (record: SQSRecord) => Promise<void>;

/**
 * A FIFO batch processed as SQS orders it: the records of one message group
 * (one customer) one after another, stopping at the first failure and failing
 * the rest of that group so it is retried in order; different groups at the
 * same time. A batch of ten customers then takes as long as its slowest turn,
 * not the sum of ten (Powertools' FIFO processor works through a batch one
 * record at a time, which a slow model minute turned into timeouts).
 */
export async function processFifoBatch(records: readonly SQSRecord[], handle: RecordHandler): Promise<SQSBatchResponse> {
  const groups = new Map<string, SQSRecord[]>();
  for (const record of records) {
    const group = record.attributes.MessageGroupId ?? record.messageId;
    groups.set(group, [...(groups.get(group) ?? []), record]);
  }
  const failed = new Set<string>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      for (const [index, record] of group.entries()) {
        try {
          await handle(record);
        } catch {
          for (const skipped of group.slice(index)) failed.add(skipped.messageId);
          return;
        }
      }
    }),
  );
  return {
    batchItemFailures: records.filter((record) => failed.has(record.messageId)).map((record) => ({ itemIdentifier: record.messageId })),
  };
}
