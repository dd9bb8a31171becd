import type { ConsumedCapacity, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isConditionalCheckFailure } from '../dynamodb/conditionalCheck';
import { currentMeter } from '../../observability/usageMeterContext';

const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);
/** PartiQL reports read and write units apart; without them its units count as reads. */
const STATEMENTS = new Set(['ExecuteStatementCommand', 'BatchExecuteStatementCommand', 'ExecuteTransactionCommand']);

/** A failed conditional write is billed like a write of the item; its size is unknown here, so one unit (items ≤ 1 KB). */
const FAILED_CONDITIONAL_WRITE_UNITS = 1;

/**
 * Meters the read and write units DynamoDB says each call consumed: every
 * command that can report it is sent with ReturnConsumedCapacity TOTAL
 * (unless the caller asked for INDEXES). Added to the base client's stack,
 * which the document client (lib-dynamodb) shares, and which Powertools
 * Idempotency uses when it is handed the same client. Counted once per SDK
 * call: retries of throttled calls are not billed by DynamoDB anyway.
 */
export function meterDynamoDbUsage(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const isWrite = WRITES.has(command);
      if (!READS.has(command) && !isWrite && !STATEMENTS.has(command)) return next(args);
      const input = args.input as { ReturnConsumedCapacity?: string };
      const asked = input.ReturnConsumedCapacity === 'INDEXES' ? 'INDEXES' : 'TOTAL';
      try {
        const result = await next({ ...args, input: { ...input, ReturnConsumedCapacity: asked } });
        const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
        currentMeter()?.record({ kind: 'dynamodb', ...unitsOf(consumed, isWrite) });
        return result;
      } catch (error) {
        if (isWrite && isConditionalCheckFailure(error)) {
          currentMeter()?.record({ kind: 'dynamodb', readUnits: 0, writeUnits: FAILED_CONDITIONAL_WRITE_UNITS });
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'zetaDynamoDbUsage', override: true },
  );
}

function unitsOf(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined, isWrite: boolean): { readUnits: number; writeUnits: number } {
  let readUnits = 0;
  let writeUnits = 0;
  for (const entry of consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]) {
    if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      readUnits += entry.ReadCapacityUnits ?? 0;
      writeUnits += entry.WriteCapacityUnits ?? 0;
    } else if (isWrite) {
      writeUnits += entry.CapacityUnits ?? 0;
    } else {
      readUnits += entry.CapacityUnits ?? 0;
    }
  }
  return { readUnits, writeUnits };
}
