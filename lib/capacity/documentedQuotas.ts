/**
 * The default quotas the capacity report applies, as AWS and Meta document
 * them (eu-central-1 where they differ by region; the conservative figure
 * where pages disagree). Each carries its source, and whether it can be raised.
 */
export interface DocumentedQuota {
  value: number;
  unit: string;
  adjustable: boolean;
  source: string;
}

export const DOCUMENTED_QUOTAS = {
  whatsappMessagesPerSecondPerNumber: {
    value: 80,
    unit: 'messages/s sent from one business number',
    adjustable: true,
    source: 'Meta, WhatsApp Cloud API overview, Throughput: 80 mps by default, upgraded automatically to 1,000 mps for eligible numbers',
  },
  whatsappUpgradedMessagesPerSecondPerNumber: {
    value: 1_000,
    unit: 'messages/s sent from one business number, after the upgrade',
    adjustable: false,
    source: 'Meta, WhatsApp Cloud API overview, Throughput',
  },
  httpApiRequestsPerSecond: {
    value: 10_000,
    unit: 'requests/s across the HTTP APIs of an account and region (burst 5,000)',
    adjustable: true,
    source: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html',
  },
  sqsFifoCallsPerSecond: {
    value: 300,
    unit: 'API calls/s per action of a FIFO queue without high throughput',
    adjustable: false,
    source: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html',
  },
  sqsFifoHighThroughputCallsPerSecond: {
    value: 18_000,
    unit: 'API calls/s per action of a high-throughput FIFO queue (eu-central-1; some regions have more)',
    adjustable: true,
    source: "AWS What's New, 2023-10: SQS FIFO high throughput mode quota increase (Europe (Frankfurt): 18,000 TPS per API action)",
  },
  dynamodbPartitionWriteUnitsPerSecond: {
    value: 1_000,
    unit: 'write units/s on one partition key',
    adjustable: false,
    source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html',
  },
  dynamodbPartitionReadUnitsPerSecond: {
    value: 3_000,
    unit: 'read units/s on one partition key',
    adjustable: false,
    source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html',
  },
  dynamodbOnDemandTableWriteUnitsPerSecond: {
    value: 40_000,
    unit: 'write request units/s of one on-demand table',
    adjustable: true,
    source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html (throughput default quotas, per table)',
  },
  dynamodbOnDemandTableReadUnitsPerSecond: {
    value: 40_000,
    unit: 'read request units/s of one on-demand table',
    adjustable: true,
    source: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html (throughput default quotas, per table)',
  },
  schedulerScheduleCallsPerSecond: {
    value: 1_000,
    unit: 'CreateSchedule / UpdateSchedule / DeleteSchedule calls/s each (eu-central-1)',
    adjustable: true,
    source: 'https://docs.aws.amazon.com/scheduler/latest/UserGuide/scheduler-quotas.html',
  },
  secretsManagerGetSecretValuePerSecond: {
    value: 10_000,
    unit: 'GetSecretValue calls/s',
    adjustable: false,
    source: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html',
  },
  lambdaConcurrentExecutions: {
    value: 1_000,
    unit: 'concurrent executions of all functions of an account and region (new accounts may start lower)',
    adjustable: true,
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  },
} as const satisfies Record<string, DocumentedQuota>;

export type QuotaName = keyof typeof DOCUMENTED_QUOTAS;
