import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { acknowledgeWildcardInside } from './nagFindings';

/**
 * Grants of exactly the API calls a function makes, instead of CDK's bundles
 * (grantReadWriteData adds Scan, streams and DescribeTable; grantRead on a
 * secret adds DescribeSecret; grantSendMessages adds GetQueueAttributes). The
 * as-deployed suite checks both ways: a call outside these is denied there,
 * and a grant no call needs fails it (test/asDeployed/grantCoverage.ts).
 */

export type TableItemAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'Query' | 'BatchWriteItem' | 'BatchGetItem';

export function grantTableItems(grantee: IGrantable, table: ITable, actions: readonly TableItemAction[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ effect: Effect.ALLOW, actions: actions.map((action) => `dynamodb:${action}`), resources: [table.tableArn] }),
  );
}

/** Query on the table's own indexes (byProduct): index ARNs sit under the table's. */
export function grantIndexQuery(grantee: IGrantable & { role?: unknown }, table: ITable, reason: string): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['dynamodb:Query'], resources: [`${table.tableArn}/index/*`] }),
  );
  acknowledgeWildcardInside(grantee as Parameters<typeof acknowledgeWildcardInside>[0], table, '/index/*', reason);
}

/** The app's secret, read with GetSecretValue (Powertools Parameters calls nothing else). */
export function grantSecretValue(grantee: IGrantable, secret: ISecret): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
  );
}

/** SendMessage (and SendMessageBatch, which needs the same permission) to one queue. */
export function grantSendMessage(grantee: IGrantable, queue: IQueue): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ effect: Effect.ALLOW, actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
  );
}
