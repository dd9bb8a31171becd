import { DOCUMENTED_QUOTAS } from './documentedQuotas';
import type { MessageUse } from './messageUse';
import type { StackCapacitySettings } from './stackCapacitySettings';

/** Whose limit a ceiling is: Meta's per-number throughput, an AWS quota, or a setting of our own stack. */
export type Side = 'meta' | 'aws-quota' | 'stack-setting';

export interface Ceiling {
  component: string;
  /** Customer messages per second the component sustains. */
  messagesPerSecond: number;
  side: Side;
  /** The limit and the per-message use it was divided by. */
  because: string;
  /** What to raise for more. */
  raise: string;
}

export interface ConcurrencyNeed {
  function: string;
  /** Concurrent executions at the goal rate. */
  atGoal: number;
  why: string;
}

export interface CapacityReport {
  goal: number;
  ceilings: Ceiling[];
  /** The lowest ceiling of all. */
  firstWall: Ceiling;
  /** The lowest ceiling on the AWS side (quotas and our settings). */
  firstAwsWall: Ceiling;
  /** Lambda concurrency the goal needs (the issue leaves concurrency out of the walls: it is a quota to request). */
  concurrency: ConcurrencyNeed[];
  concurrencyQuota: number;
}

const round = (value: number) => (value >= 100 ? Math.round(value) : Math.round(value * 10) / 10);
const fmt = (value: number) => round(value).toLocaleString('en-US');

/**
 * Each component's ceiling in customer messages per second: its limit (a
 * documented quota, or the template's own setting) divided by what one
 * customer message uses of it, as measured by the scripted run. Nothing in it
 * is typed in: the settings come from the template, the uses from the run,
 * the quotas from DOCUMENTED_QUOTAS with their sources.
 */
export function capacityReport(
  settings: StackCapacitySettings,
  use: MessageUse,
  options: { goal: number; turnDeadlineMs: number },
): CapacityReport {
  const q = DOCUMENTED_QUOTAS;
  const ceilings: Ceiling[] = [];
  const add = (ceiling: Ceiling) => ceilings.push({ ...ceiling, messagesPerSecond: round(ceiling.messagesPerSecond) });

  add({
    component: 'WhatsApp Cloud API, one business number',
    messagesPerSecond: q.whatsappMessagesPerSecondPerNumber.value / use.graphSends,
    side: 'meta',
    because: `${q.whatsappMessagesPerSecondPerNumber.value} messages/s ÷ ${use.graphSends.toFixed(2)} sent per customer message`,
    raise: `Meta upgrades eligible numbers to ${fmt(q.whatsappUpgradedMessagesPerSecondPerNumber.value)} messages/s (${fmt(q.whatsappUpgradedMessagesPerSecondPerNumber.value / use.graphSends)} customer messages/s); beyond, more numbers`,
  });
  add({
    component: 'API Gateway, HTTP APIs of the account',
    messagesPerSecond: q.httpApiRequestsPerSecond.value / use.webhookPosts,
    side: 'aws-quota',
    because: `${fmt(q.httpApiRequestsPerSecond.value)} requests/s ÷ ${use.webhookPosts.toFixed(2)} webhook POSTs per customer message (the message and its answers' statuses)`,
    raise: 'a Service Quotas request (adjustable)',
  });
  if (settings.webhookRouteRps !== undefined) {
    add({
      component: 'API Gateway, POST /webhook throttle',
      messagesPerSecond: settings.webhookRouteRps / use.webhookPosts,
      side: 'stack-setting',
      because: `${fmt(settings.webhookRouteRps)} requests/s (the stage's route setting) ÷ ${use.webhookPosts.toFixed(2)} POSTs per customer message`,
      raise: 'the route throttle in lib/constructs/ingress.ts',
    });
  }
  const sqsQuota = settings.queueHighThroughput ? q.sqsFifoHighThroughputCallsPerSecond : q.sqsFifoCallsPerSecond;
  const sqsCalls = Math.max(use.sqsSendCalls, use.sqsReceiveCalls, use.sqsDeleteCalls);
  add({
    component: `SQS FIFO queue${settings.queueHighThroughput ? ' (high throughput)' : ''}`,
    messagesPerSecond: sqsQuota.value / sqsCalls,
    side: 'aws-quota',
    because: `${fmt(sqsQuota.value)} calls/s per action ÷ ${sqsCalls.toFixed(2)} calls of the busiest action per customer message (send ${use.sqsSendCalls.toFixed(2)}, receive ${use.sqsReceiveCalls.toFixed(2)}, delete ${use.sqsDeleteCalls.toFixed(2)})`,
    raise: settings.queueHighThroughput ? 'a quota request, or more regions' : 'high-throughput FIFO (lib/constructs/pipeline.ts)',
  });
  const consumerBatchMs = use.durationMs.consumer?.p90 ?? 1;
  add({
    component: 'consumer event source (batches in parallel, measured turns)',
    messagesPerSecond: (settings.consumerMaxConcurrency * settings.consumerBatchSize) / (consumerBatchMs / 1_000) / use.consumerRecords,
    side: 'stack-setting',
    because: `${settings.consumerMaxConcurrency} concurrent batches × ${settings.consumerBatchSize} records ÷ ${consumerBatchMs} ms (p90 invocation) ÷ ${use.consumerRecords.toFixed(2)} records per customer message`,
    raise: 'consumerMaxConcurrency (up to 1,000) with the account concurrency to match',
  });
  add({
    component: 'DynamoDB table (on demand), writes',
    messagesPerSecond: q.dynamodbOnDemandTableWriteUnitsPerSecond.value / use.dynamodbWriteUnits,
    side: 'aws-quota',
    because: `${fmt(q.dynamodbOnDemandTableWriteUnitsPerSecond.value)} write units/s ÷ ${use.dynamodbWriteUnits.toFixed(2)} per customer message`,
    raise: 'a Service Quotas request (table and account throughput quotas)',
  });
  add({
    component: 'DynamoDB table (on demand), reads',
    messagesPerSecond: q.dynamodbOnDemandTableReadUnitsPerSecond.value / Math.max(use.dynamodbReadUnits, 0.001),
    side: 'aws-quota',
    because: `${fmt(q.dynamodbOnDemandTableReadUnitsPerSecond.value)} read units/s ÷ ${use.dynamodbReadUnits.toFixed(2)} per customer message`,
    raise: 'a Service Quotas request',
  });
  // The average item's write units: a ledger row is over a kilobyte, a claim far less.
  const unitsPerWrite = Math.max(1, use.dynamodbWriteUnits / Math.max(use.dynamodbWrites, 0.001));
  for (const key of use.sharedKeys) {
    if (key.writesPerMessage > 0) {
      add({
        component: `DynamoDB partition ${key.shape}, writes`,
        messagesPerSecond: (q.dynamodbPartitionWriteUnitsPerSecond.value * key.keys) / (key.writesPerMessage * unitsPerWrite),
        side: 'stack-setting',
        because: `${fmt(q.dynamodbPartitionWriteUnitsPerSecond.value)} write units/s per key × ${key.keys} key${key.keys === 1 ? '' : 's'} ÷ ${key.writesPerMessage.toFixed(2)} writes per customer message × ${unitsPerWrite.toFixed(2)} units per write (the table's average)`,
        raise: key.keys === 1 ? 'shard the key' : 'more shards',
      });
    }
    if (key.readsPerMessage > 0) {
      add({
        component: `DynamoDB partition ${key.shape}, reads`,
        messagesPerSecond: (q.dynamodbPartitionReadUnitsPerSecond.value * key.keys) / key.readsPerMessage,
        side: 'stack-setting',
        because: `${fmt(q.dynamodbPartitionReadUnitsPerSecond.value)} reads/s per key × ${key.keys} key${key.keys === 1 ? '' : 's'} ÷ ${key.readsPerMessage.toFixed(2)} reads per customer message`,
        raise: key.keys === 1 ? 'shard the key, or cache it' : 'more shards',
      });
    }
  }
  if (use.schedulerCalls > 0) {
    add({
      component: 'EventBridge Scheduler API',
      messagesPerSecond: q.schedulerScheduleCallsPerSecond.value / use.schedulerCalls,
      side: 'aws-quota',
      because: `${fmt(q.schedulerScheduleCallsPerSecond.value)} calls/s ÷ ${use.schedulerCalls.toFixed(2)} schedule calls per customer message (a customer's follow-up moves at most once a day)`,
      raise: 'a Service Quotas request (adjustable)',
    });
  }
  if (use.secretsCalls > 0) {
    add({
      component: 'Secrets Manager GetSecretValue',
      messagesPerSecond: q.secretsManagerGetSecretValuePerSecond.value / use.secretsCalls,
      side: 'aws-quota',
      because: `${fmt(q.secretsManagerGetSecretValuePerSecond.value)} calls/s ÷ ${use.secretsCalls.toFixed(3)} per customer message (each environment caches the secret)`,
      raise: 'a longer SECRETS_CACHE_SECONDS',
    });
  }

  const sorted = [...ceilings].sort((a, b) => a.messagesPerSecond - b.messagesPerSecond);
  const firstWall = sorted[0] as Ceiling;
  const firstAwsWall = sorted.find((ceiling) => ceiling.side !== 'meta') as Ceiling;
  const goal = options.goal;
  const webhookMs = use.durationMs.webhook?.p90 ?? 0;
  const concurrency: ConcurrencyNeed[] = [
    {
      function: 'webhook',
      atGoal: Math.ceil((goal * use.webhookPosts * webhookMs) / 1_000),
      why: `${goal} msg/s × ${use.webhookPosts.toFixed(2)} POSTs × ${webhookMs} ms (p90)`,
    },
    {
      function: 'consumer',
      atGoal: Math.ceil((((goal * use.consumerRecords) / settings.consumerBatchSize) * consumerBatchMs) / 1_000),
      why: `${goal} msg/s × ${use.consumerRecords.toFixed(2)} records ÷ ${settings.consumerBatchSize} per batch × ${consumerBatchMs} ms (p90)`,
    },
    {
      function: 'consumer, every turn at the model deadline',
      atGoal: Math.ceil((((goal * use.consumerRecords) / settings.consumerBatchSize) * options.turnDeadlineMs) / 1_000),
      why: `${goal} msg/s × ${use.consumerRecords.toFixed(2)} records ÷ ${settings.consumerBatchSize} per batch × ${options.turnDeadlineMs} ms (a slow OpenAI minute)`,
    },
  ];
  return { goal, ceilings: sorted, firstWall, firstAwsWall, concurrency, concurrencyQuota: q.lambdaConcurrentExecutions.value };
}
