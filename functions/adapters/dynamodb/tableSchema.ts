/**
 * The table's keys and indexes, shared by the CDK stack and the local
 * runtime so the two cannot drift apart.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'ttl',
  /** Alerts by product, so the daily check reads the alerts of changed products instead of scanning. */
  byProductIndex: { name: 'byProduct', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;
