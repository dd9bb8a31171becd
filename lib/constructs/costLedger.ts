import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, SubscriptionFilter } from 'aws-cdk-lib/aws-logs';
import { LambdaDestination } from 'aws-cdk-lib/aws-logs-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LEDGER_ROW_FILTER_PATH } from '../../functions/observability/loggedCostLedger';
import { grantSendMessage } from '../grants';
import type { LambdaName } from '../lambdaBundling';
import type { Settings } from '../settings';
import { zetaFunction } from './zetaFunction';

/**
 * Where each function's cost row goes: the functions a caller waits for
 * (Meta's POST, WhatsApp fetching a picture) log it, and the ledger writer
 * puts it in the table; the others write it themselves.
 */
export const LEDGER_SINKS = {
  webhook: 'logs',
  catalogImages: 'logs',
  consumer: 'table',
  alertChecker: 'table',
  ledgerWriter: 'table',
} as const satisfies Record<LambdaName, 'table' | 'logs'>;

/** The ledger rows only: the partition key of every item a function may write starts with LEDGER#. */
const LEDGER_ITEMS = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LEDGER#*'] } };

export interface CostLedgerProps {
  readonly table: ITable;
  readonly settings: Settings;
}

/**
 * The cost ledger's plumbing: one row per invocation of every function in the
 * table's LEDGER# partitions, written by the function itself or, for the
 * API-facing ones, by the ledger writer from their logs (a CloudWatch Logs
 * subscription filter on the ledger lines). Batches the writer fails on go to
 * its dead-letter queue after Lambda's two retries of an asynchronous invocation.
 */
export class CostLedger extends Construct {
  readonly writer: LambdaFunction;
  readonly writerDeadLetterQueue: Queue;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: CostLedgerProps,
  ) {
    super(scope, id);
    this.writerDeadLetterQueue = new Queue(this, 'WriterDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.writerDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is itself where the ledger writer's failed asynchronous invocations go (its on-failure destination).",
    });
    this.writer = zetaFunction(this, 'Writer', {
      name: 'ledgerWriter',
      description: `ZETA Assistant ${props.settings.stage}: writes the API functions' cost rows from their logs to the ledger`,
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: { TABLE_NAME: props.table.tableName },
      settings: props.settings,
    });
    const deadLetters = this.writerDeadLetterQueue;
    this.writer.configureAsyncInvoke({
      retryAttempts: 2,
      // As aws-lambda-destinations' SqsDestination, granting SendMessage only (it adds GetQueueAttributes and GetQueueUrl, never used).
      onFailure: {
        bind: (_scope, fn) => {
          grantSendMessage(fn, deadLetters);
          return { destination: deadLetters.queueArn };
        },
      },
    });
    this.writer.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:BatchWriteItem'], resources: [props.table.tableArn], conditions: LEDGER_ITEMS }),
    );
  }

  /** Gives each function its way to the ledger, by LEDGER_SINKS. */
  connect(functions: Readonly<Record<LambdaName, LambdaFunction>>): void {
    for (const [name, fn] of Object.entries(functions) as Array<[LambdaName, LambdaFunction]>) {
      if (LEDGER_SINKS[name] === 'logs') {
        fn.addEnvironment('COST_LEDGER', 'logs');
        new SubscriptionFilter(this, `${name}LedgerLines`, {
          logGroup: fn.logGroup,
          destination: new LambdaDestination(this.writer),
          filterPattern: FilterPattern.exists(LEDGER_ROW_FILTER_PATH),
        });
        continue;
      }
      fn.addEnvironment('TABLE_NAME', this.props.table.tableName);
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [this.props.table.tableArn], conditions: LEDGER_ITEMS }),
      );
    }
  }
}
