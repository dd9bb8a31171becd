import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { CostLedger } from '../../functions/domain/cost/costLedger';
import type { LedgerRow } from '../../functions/domain/cost/ledgerRow';
import { customerRef } from '../../functions/observability/customerRef';
import { costAccounting } from '../../functions/observability/costAccounting';
import { currentMeter } from '../../functions/observability/usageMeterContext';
import { createLambdaContext } from '../../local/lambdaContext';
import { quietTelemetry } from '../support/telemetry';
import { fixturePricing } from './pricingFixture';

class MemoryLedger implements CostLedger {
  readonly rows: LedgerRow[] = [];
  failing = false;
  async append(row: LedgerRow): Promise<void> {
    if (this.failing) throw new Error('table unavailable');
    this.rows.push(row);
  }
  async rowsBetween(): Promise<LedgerRow[]> {
    return this.rows;
  }
}

type Work = { customer: string; readUnits: number; waitMs: number; fail?: boolean };

function accountedHandler(ledger: CostLedger, telemetry = quietTelemetry(), booksRowWrite = true) {
  const handler = middy<Work, string>()
    .use(
      costAccounting<Work, string>({
        functionName: 'consumer',
        memoryMb: 1024,
        architecture: 'arm64',
        region: 'us-east-1',
        pricing: fixturePricing(),
        ledger,
        booksRowWrite,
        feature: 'statuses',
        invocationUsage: () => [{ kind: 'sqs', requests: 2 }],
        ...telemetry,
      }),
    )
    .handler(async (work) => {
      currentMeter()?.receivedFrom(work.customer, 1);
      currentMeter()?.useFeature('text');
      await new Promise((resolve) => setTimeout(resolve, work.waitMs));
      // After an await, as an SDK middleware would be reached.
      currentMeter()?.record({ kind: 'dynamodb', readUnits: work.readUnits, writeUnits: 0 });
      if (work.fail) throw new Error('turn failed');
      return 'ok';
    });
  return { handler, telemetry };
}

const context = (): Context => createLambdaContext({ functionName: 'zeta-consumer', timeoutMs: 60_000, memoryMb: 512 });

describe('costAccounting', () => {
  it('writes one ledger row per invocation, with the billed Lambda time, the usage and the customer hashed', async () => {
    const ledger = new MemoryLedger();
    const { handler } = accountedHandler(ledger);
    await handler({ customer: '77011234567', readUnits: 1.5, waitMs: 20 }, context());

    expect(ledger.rows).toHaveLength(1);
    const [row] = ledger.rows;
    expect(row).toMatchObject({
      function: 'consumer',
      feature: 'text',
      customerRef: customerRef('77011234567'),
      pricingVersion: expect.any(String),
    });
    expect(JSON.stringify(row)).not.toContain('77011234567');
    // The context's 512 MB wins over the configured 1024: it is what Lambda bills.
    expect(row!.quantities.lambdaGbSeconds).toBeCloseTo((512 / 1024) * (row!.quantities.lambdaBilledMs! / 1000), 12);
    expect(row!.quantities.lambdaBilledMs).toBeGreaterThanOrEqual(20);
    expect(row!.quantities).toMatchObject({ sqsRequests: 2, dynamodbReadUnits: 1.5 });
    // The row's own write (under 1 KB) is booked in it.
    expect(row!.quantities.dynamodbWriteUnits).toBe(1);
    expect(row!.analytics).toEqual({ messages_in: 1 });
    expect(row!.inbound).toEqual({ [customerRef('77011234567')]: 1 });
    expect(row!.totalUsd).toBeGreaterThan(0);
  });

  it("leaves the row's write to the ledger writer when the row goes through the log", async () => {
    const ledger = new MemoryLedger();
    const { handler } = accountedHandler(ledger, quietTelemetry(), false);
    await handler({ customer: '77011234568', readUnits: 1, waitMs: 1 }, context());
    expect(ledger.rows[0]!.quantities.dynamodbWriteUnits ?? 0).toBe(0);
  });

  it('keeps concurrent invocations apart', async () => {
    const ledger = new MemoryLedger();
    const { handler } = accountedHandler(ledger);
    await Promise.all([
      handler({ customer: '77010000001', readUnits: 1, waitMs: 30 }, context()),
      handler({ customer: '77010000002', readUnits: 7, waitMs: 5 }, context()),
    ]);
    const byCustomer = Object.fromEntries(ledger.rows.map((row) => [row.customerRef, row.quantities.dynamodbReadUnits]));
    expect(byCustomer).toEqual({ [customerRef('77010000001')]: 1, [customerRef('77010000002')]: 7 });
  });

  it('accounts for a failed invocation too, and lets the error through', async () => {
    const ledger = new MemoryLedger();
    const { handler } = accountedHandler(ledger);
    await expect(handler({ customer: '77010000003', readUnits: 2, waitMs: 1, fail: true }, context())).rejects.toThrow('turn failed');
    expect(ledger.rows).toHaveLength(1);
    expect(ledger.rows[0]!.quantities.dynamodbReadUnits).toBe(2);
  });

  it('never fails the invocation because of accounting: it logs and counts CostAccountingFailed', async () => {
    const ledger = new MemoryLedger();
    ledger.failing = true;
    const { handler, telemetry } = accountedHandler(ledger);
    const addMetric = vi.spyOn(telemetry.metrics, 'addMetric');
    const logError = vi.spyOn(telemetry.logger, 'error');
    await expect(handler({ customer: '77010000004', readUnits: 1, waitMs: 1 }, context())).resolves.toBe('ok');
    expect(addMetric).toHaveBeenCalledWith('CostAccountingFailed', 'Count', 1);
    expect(logError).toHaveBeenCalledWith(expect.stringContaining('cost accounting failed'), expect.anything());
  });

  it('records nothing after the invocation: a late promise cannot add to a written row', async () => {
    const ledger = new MemoryLedger();
    let late: (() => void) | undefined;
    const handler = middy<unknown, string>()
      .use(
        costAccounting<unknown, string>({
          functionName: 'webhook',
          memoryMb: 256,
          architecture: 'arm64',
          region: 'us-east-1',
          pricing: fixturePricing(),
          ledger,
          booksRowWrite: true,
          feature: 'webhook',
          ...quietTelemetry(),
        }),
      )
      .handler(async () => {
        const meter = currentMeter();
        late = () => meter?.record({ kind: 'sqs', requests: 100 });
        return 'ok';
      });
    await handler({}, context());
    late?.();
    expect(ledger.rows[0]!.quantities.sqsRequests).toBeUndefined();
  });
});
