import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { processFifoBatch } from '../../functions/consumer/fifoBatch';

const record = (messageId: string, group: string): SQSRecord =>
  ({ messageId, body: '{}', attributes: { MessageGroupId: group, ApproximateReceiveCount: '1' } }) as unknown as SQSRecord;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('processFifoBatch', () => {
  it("runs different customers' groups side by side: ten slow turns take about one", async () => {
    const records = Array.from({ length: 10 }, (_, index) => record(`m${index}`, `customer${index}`));
    const started = Date.now();
    const response = await processFifoBatch(records, async () => {
      await sleep(200);
    });
    expect(response.batchItemFailures).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('keeps one group in order, and after a failure fails the rest of that group only', async () => {
    const order: string[] = [];
    const records = [record('a1', 'A'), record('b1', 'B'), record('a2', 'A'), record('a3', 'A'), record('b2', 'B')];
    const response = await processFifoBatch(records, async (current) => {
      order.push(current.messageId);
      await sleep(current.messageId === 'a1' ? 30 : 1);
      if (current.messageId === 'a2') throw new Error('boom');
    });
    expect(order.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2']);
    expect(order.filter((id) => id.startsWith('b'))).toEqual(['b1', 'b2']);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a2' }, { itemIdentifier: 'a3' }]);
  });
});
