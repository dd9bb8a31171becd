import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCostLedger } from '../../functions/adapters/dynamodb/dynamoCostLedger';
import type { LedgerRow } from '../../functions/domain/cost/ledgerRow';
import type { MessageUse, SharedKeyUse } from '../../lib/capacity/messageUse';
import type { LocalRuntime } from '../localRuntime';

/** One customer's part of the scripted run: a search, a tap on a card, a follow-up, thanks. */
const SCRIPT: ReadonlyArray<Record<string, unknown>> = [
  { type: 'text', text: { body: 'покажите серые диваны до 300 тысяч' } },
  { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'product:SOF-003', title: 'Диван' } } },
  { type: 'text', text: { body: 'а подешевле есть?' } },
  { type: 'text', text: { body: 'спасибо!' } },
];

const WRITES = new Set(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']);
const READS = new Set(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

function shapeOf(key: string): string {
  return key.replace(/\d/g, '9');
}

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
}

/**
 * Runs the script for `customers` customers at once against a running
 * as-deployed stack, as WhatsApp would (each customer waits for the answer
 * before writing again, and reads what was sent: Meta posts a read status),
 * then reads what it cost from the stack itself: the cost ledger, the AWS
 * calls the front door saw, the queue's counters and the Graph stand-in's chats.
 */
export async function measureMessageUse(
  runtime: LocalRuntime,
  options: { customers: number; firstWaId?: number; parallel?: number },
): Promise<MessageUse> {
  const { customers, firstWaId = 77_090_000_000 } = options;
  // A few customers at a time: the run measures what a message uses, and how long each invocation takes on its own,
  // not how this one machine (every function and stand-in on two cores) copes with a crowd.
  const parallel = options.parallel ?? 2;
  const stack = runtime.asDeployed;
  if (stack === undefined) throw new Error('the capacity run needs the as-deployed mode');
  const waIds = Array.from({ length: customers }, (_, index) => String(firstWaId + index));
  const queueBefore = runtime.queue.throughput();
  const startedAt = Date.now();
  const outboundOf = (waId: string) => runtime.conversations.messages(waId).filter((line) => line.direction === 'out');

  const converse = async (waId: string) => {
    for (const [position, message] of SCRIPT.entries()) {
      await post(`${runtime.url}/sim/api/messages`, { from: waId, name: 'Покупатель', ...message });
      for (let waited = 0; outboundOf(waId).length <= position && waited < 30_000; waited += 50) await sleep(50);
      const answer = outboundOf(waId).at(-1);
      if (answer !== undefined) await post(`${runtime.url}/sim/api/read`, { wa_id: waId, id: answer.id });
    }
  };
  const waiting = [...waIds];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let waId = waiting.shift(); waId !== undefined; waId = waiting.shift()) await converse(waId);
    }),
  );
  for (let quiet = 0; quiet < 1_000; quiet = runtime.queue.counts().total === 0 ? quiet + 100 : 0) await sleep(100);
  await stack.settleLogs();
  const endedAt = Date.now();

  const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient(stack.clientConfig('dynamodb')));
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  const rows = (await new DynamoCostLedger(dynamo, stack.tableName()).rowsBetween(day(startedAt), day(endedAt))).filter((row) => {
    const at = Date.parse(row.at);
    return at >= startedAt && at <= endedAt;
  });
  const calls = stack.authorizer.calls().filter((call) => call.at >= startedAt && call.at <= endedAt && call.caller !== 'operator');
  const messages = customers * SCRIPT.length;
  const per = (count: number) => count / messages;
  const rowsOf = (fn: string) => rows.filter((row) => row.function === fn);
  const total = (quantity: keyof LedgerRow['quantities']) => rows.reduce((sum, row) => sum + (row.quantities[quantity] ?? 0), 0);
  const functions = [...new Set(rows.map((row) => row.function))];
  const queueAfter = runtime.queue.throughput();

  const byShape = new Map<string, { keys: Set<string>; writes: number; reads: number }>();
  let writes = 0;
  for (const call of calls) {
    const leading = call.context?.['dynamodb:LeadingKeys'];
    if (leading === undefined || (!WRITES.has(call.action) && !READS.has(call.action))) continue;
    for (const key of Array.isArray(leading) ? leading : [leading]) {
      const shape = shapeOf(key);
      const entry = byShape.get(shape) ?? { keys: new Set<string>(), writes: 0, reads: 0 };
      entry.keys.add(key);
      if (WRITES.has(call.action)) {
        entry.writes += 1;
        writes += 1;
      } else entry.reads += 1;
      byShape.set(shape, entry);
    }
  }
  // A key naming one of the run's customers is theirs alone: only keys no customer owns are shared.
  const ownedByCustomer = (key: string) => waIds.some((waId) => key.includes(waId));
  const sharedKeys: SharedKeyUse[] = [...byShape.entries()]
    .filter(([, entry]) => ![...entry.keys].some(ownedByCustomer))
    .map(([shape, entry]) => ({ shape, keys: entry.keys.size, writesPerMessage: per(entry.writes), readsPerMessage: per(entry.reads) }));

  return {
    customerMessages: messages,
    webhookPosts: per(rowsOf('webhook').length),
    graphSends: per(waIds.reduce((sum, waId) => sum + outboundOf(waId).length, 0)),
    consumerRecords: per(queueAfter.received - queueBefore.received),
    invocations: Object.fromEntries(functions.map((fn) => [fn, per(rowsOf(fn).length)])),
    durationMs: Object.fromEntries(
      functions.map((fn) => {
        const durations = rowsOf(fn).map((row) => row.quantities.lambdaBilledMs ?? 0);
        return [fn, { p50: percentile(durations, 0.5), p90: percentile(durations, 0.9) }];
      }),
    ),
    sqsSendCalls: per(calls.filter((call) => call.action === 'sqs:SendMessage' && call.caller === 'webhook').length),
    sqsReceiveCalls: per(queueAfter.receivesWithMessages - queueBefore.receivesWithMessages),
    sqsDeleteCalls: per(rowsOf('consumer').length),
    dynamodbWriteUnits: per(total('dynamodbWriteUnits')),
    dynamodbReadUnits: per(total('dynamodbReadUnits')),
    dynamodbWrites: per(writes),
    sharedKeys,
    schedulerCalls: per(calls.filter((call) => call.action.startsWith('scheduler:') && call.caller === 'consumer').length),
    secretsCalls: per(calls.filter((call) => call.action === 'secretsmanager:GetSecretValue').length),
  };
}
