import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction, IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ANALYTICS_METRICS, COST_ACCOUNTING_FAILED_METRIC, COST_METRIC } from '../../functions/observability/costMetrics';
import type { LambdaName } from '../lambdaBundling';
import { isProduction, type Settings } from '../settings';
import { METRICS_NAMESPACE, SERVICE_NAMES } from './zetaFunction';

/**
 * A customer has waited this long without an answer: the consumer is failing,
 * throttled, or retrying one of their messages. Normal age is seconds.
 */
export const OLDEST_MESSAGE_ALARM_AGE = Duration.minutes(5);

/** Short enough that an alarm reaches someone while the customer is still in the chat. */
const ALARM_PERIOD = Duration.minutes(5);
const CLIENT_ERROR_ALARM_PERCENT = 20;
const CLIENT_ERROR_ALARM_MIN_REQUESTS = 100;

type AppMetric = readonly [service: keyof typeof SERVICE_NAMES, metricName: string];

/** The app's own metrics (Powertools, namespace ZetaAssistant) on the dashboard: what customers got... */
export const CONVERSATION_METRICS: readonly AppMetric[] = [
  ['webhook', 'WebhookMessagesQueued'],
  ['consumer', 'TurnsAnswered'],
  ['consumer', 'RepliesSent'],
];
/** ...and what went wrong on the way. */
export const TROUBLE_METRICS: readonly AppMetric[] = [
  ['consumer', 'DuplicateMessageSkipped'],
  ['consumer', 'RecordsRetried'],
  ['consumer', 'ReplyUndeliverable'],
];

/** Cost is a daily question: graphs and the alarm sum CostUsd per UTC day. */
const COST_PERIOD = Duration.days(1);
/** Two weeks of daily bars: this week against the last. */
const COST_GRAPH_START = '-P14D';

export interface ObservabilityProps {
  /** Every function of the stack, so that each gets its error and throttle alarms and may write its cost ledger rows. */
  readonly functions: Readonly<Record<LambdaName, LambdaFunction>>;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  /** Where scheduled invocations (the daily check, follow-ups) go after failing their retries. */
  readonly schedulerDeadLetterQueue: Queue;
  /** Batches of the API functions' cost rows the ledger writer could not write. */
  readonly ledgerWriterDeadLetterQueue: Queue;
  readonly api: HttpApi;
  readonly settings: Settings;
}

/** Alarms to an SNS topic (and optionally an e-mail address), and one dashboard for the message pipeline. */
export class Observability extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  private readonly alarmAction: SnsAction;
  private readonly alarmNamePrefix: string;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { settings, functions } = props;
    this.alarmNamePrefix = Stack.of(this).stackName;

    // CloudWatch can only publish to an encrypted topic if the key policy lets
    // it use the key, which the AWS-managed aws/sns key does not: hence a
    // customer-managed key, used by this topic alone.
    const alarmTopicKey = new Key(this, 'AlarmTopicKey', {
      description: `ZETA Assistant ${settings.stage}: encrypts the alarm topic`,
      enableKeyRotation: true,
      removalPolicy: isProduction(settings) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    alarmTopicKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: `ZETA Assistant ${settings.stage} alarms`,
      masterKey: alarmTopicKey,
      enforceSSL: true,
    });
    // enforceSSL gives the topic a policy, which replaces the default one that
    // let the account's own services publish: CloudWatch needs its own grant,
    // limited to this account's alarms.
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': Stack.of(this).formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        },
      }),
    );
    if (settings.alarmEmail !== undefined) {
      this.alarmTopic.addSubscription(new EmailSubscription(settings.alarmEmail));
    }
    this.alarmAction = new SnsAction(this.alarmTopic);

    this.alarm('DeadLetterQueueNotEmpty', {
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM, period: ALARM_PERIOD }),
      threshold: 0,
      description:
        'A queued WhatsApp event failed every retry and was moved to the DLQ: that customer got no answer. Read the consumer logs for the message id, fix, then redrive the DLQ.',
    });
    this.alarm('SchedulerDeadLetters', {
      metric: props.schedulerDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM, period: ALARM_PERIOD }),
      threshold: 0,
      description:
        'A scheduled invocation (the daily price check or a customer follow-up) failed every retry: read the message in the scheduler dead-letter queue for the error, and the alert checker logs.',
    });
    this.alarm('LedgerRowsNotWritten', {
      metric: props.ledgerWriterDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
        statistic: Stats.MAXIMUM,
        period: ALARM_PERIOD,
      }),
      threshold: 0,
      description:
        "The ledger writer failed a batch of the webhook's or catalog pictures' cost rows three times: the batch waits in its dead-letter queue. Fix the cause, then invoke the writer again with the queued events.",
    });
    this.alarm('OldestQueuedMessage', {
      metric: props.queue.metricApproximateAgeOfOldestMessage({ statistic: Stats.MAXIMUM, period: ALARM_PERIOD }),
      threshold: OLDEST_MESSAGE_ALARM_AGE.toSeconds(),
      description: `A customer message has waited over ${OLDEST_MESSAGE_ALARM_AGE.toMinutes()} minutes in the queue: the consumer is failing, throttled or retrying.`,
    });
    this.alarm('ApiServerErrors', {
      metric: props.api.metricServerError({ statistic: Stats.SUM, period: ALARM_PERIOD }),
      threshold: 0,
      description: 'The HTTP API answered 5xx: Meta will redeliver webhooks, but WhatsApp may have shown product cards without pictures.',
    });
    this.alarm('ApiClientErrorRate', {
      metric: new MathExpression({
        // Below this many requests in a period a few refusals are noise, not a flood.
        expression: `IF(requests >= ${CLIENT_ERROR_ALARM_MIN_REQUESTS}, 100 * errors / requests, 0)`,
        usingMetrics: {
          requests: props.api.metricCount({ statistic: Stats.SUM, period: ALARM_PERIOD }),
          errors: props.api.metricClientError({ statistic: Stats.SUM, period: ALARM_PERIOD }),
        },
        period: ALARM_PERIOD,
        label: 'HTTP API 4xx and 429 (% of requests)',
      }),
      threshold: CLIENT_ERROR_ALARM_PERCENT,
      description: `Over ${CLIENT_ERROR_ALARM_PERCENT}% of the HTTP API's requests were answered 4xx, throttling (429) included: a flood of junk or unsigned posts, a route limit reached by Meta's own deliveries, or an app secret that no longer matches Meta's. The access logs' status and routeKey say which.`,
    });
    for (const [name, fn] of Object.entries(functions) as [LambdaName, IFunction][]) {
      this.alarm(`${capitalised(name)}Errors`, {
        metric: fn.metricErrors({ statistic: Stats.SUM, period: ALARM_PERIOD }),
        threshold: 0,
        description: `The ${name} function failed (an unhandled error or a timeout, not a record it reported as failed).`,
      });
      this.alarm(`${capitalised(name)}Throttles`, {
        metric: fn.metricThrottles({ statistic: Stats.SUM, period: ALARM_PERIOD }),
        threshold: 0,
        description: `Lambda throttled the ${name} function: its reserved concurrency or the account's concurrency is exhausted.`,
      });
    }

    const costByFunction = costMetricsByFunction(settings.stage);
    this.alarm('DailyCost', {
      metric: new MathExpression({
        // FILL: a function that ran no invocation that day adds 0 instead of voiding the sum.
        expression: Object.keys(costByFunction)
          .map((name) => `FILL(${name}, 0)`)
          .join(' + '),
        usingMetrics: costByFunction,
        period: COST_PERIOD,
        label: 'Cost per UTC day (USD)',
      }),
      threshold: settings.dailyCostAlarmUsd,
      description: `The assistant's variable cost (AWS, OpenAI, WhatsApp) passed ${settings.dailyCostAlarmUsd} USD in one day. Run \`zeta cost report --table <TableName> --by feature\` to see what drove it.`,
    });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      // Dashboard names are global to the account: the region keeps a stage
      // deployed in two regions from colliding.
      dashboardName: `ZetaAssistant-${settings.stage}-${Stack.of(this).region}`,
      // A day shows the shop's daily rhythm, so an odd hour stands out.
      defaultInterval: Duration.hours(24),
    });
    const functionWidgets = (title: string, fn: IFunction) => [
      new GraphWidget({
        title: `${title}: invocations and errors`,
        left: [fn.metricInvocations(), fn.metricErrors(), fn.metricThrottles()],
        width: 12,
      }),
      new GraphWidget({
        title: `${title}: duration`,
        left: [fn.metricDuration({ statistic: Stats.p(50) }), fn.metricDuration({ statistic: Stats.p(99) })],
        width: 12,
      }),
    ];
    this.dashboard.addWidgets(...functionWidgets('Webhook', functions.webhook));
    this.dashboard.addWidgets(...functionWidgets('Consumer', functions.consumer));
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Queue: depth',
        left: [
          props.queue.metricApproximateNumberOfMessagesVisible({ label: 'waiting' }),
          props.queue.metricApproximateNumberOfMessagesNotVisible({ label: 'in flight' }),
          props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: 'dead letters' }),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'Queue: age of oldest message (s)',
        left: [props.queue.metricApproximateAgeOfOldestMessage({ statistic: Stats.MAXIMUM })],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Conversations',
        left: CONVERSATION_METRICS.map((metric) => appMetric(metric, settings.stage)),
        width: 12,
      }),
      new GraphWidget({
        title: 'Retries and undeliverable replies',
        left: TROUBLE_METRICS.map((metric) => appMetric(metric, settings.stage)),
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Cost per day by function (USD)',
        left: Object.values(costByFunction),
        start: COST_GRAPH_START,
        width: 12,
      }),
      new GraphWidget({
        title: 'Cost per day by feature (USD)',
        left: [
          new MathExpression({
            expression: `SEARCH('{${METRICS_NAMESPACE},feature,function,service,stage} MetricName="${COST_METRIC}" stage="${settings.stage}"', 'Sum', ${COST_PERIOD.toSeconds()})`,
            usingMetrics: {},
            period: COST_PERIOD,
            label: '',
          }),
        ],
        start: COST_GRAPH_START,
        width: 12,
      }),
    );
    const usage = usageMetrics(settings.stage);
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Usage per day',
        left: [
          ...Object.values(usage),
          appMetric(['alertChecker', 'PriceAlertsFired'], settings.stage).with({ period: COST_PERIOD, label: 'PriceAlertsFired' }),
        ],
        start: COST_GRAPH_START,
        width: 12,
      }),
      new GraphWidget({
        title: 'Recommendation click-through rate (%) and cost accounting failures',
        left: [
          new MathExpression({
            expression: 'IF(shown > 0, 100 * opened / shown, 0)',
            usingMetrics: { shown: usage.recommendations_shown, opened: usage.product_cards_opened },
            period: COST_PERIOD,
            label: 'product cards opened per 100 products shown',
          }),
        ],
        right: (Object.keys(SERVICE_NAMES) as LambdaName[]).map((name) =>
          appMetric([name, COST_ACCOUNTING_FAILED_METRIC], settings.stage).with({ period: COST_PERIOD }),
        ),
        start: COST_GRAPH_START,
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'HTTP API',
        left: [props.api.metricCount(), props.api.metricClientError(), props.api.metricServerError()],
        width: 12,
      }),
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 12 }),
    );
  }

  /** An alarm when the metric goes above the threshold in one period; no data (an idle shop) is not a problem. */
  private alarm(name: string, options: { metric: IMetric; threshold: number; description: string }): void {
    const alarm = new Alarm(this, name, {
      alarmName: `${this.alarmNamePrefix}-${name}`,
      alarmDescription: options.description,
      metric: options.metric,
      threshold: options.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.alarmAction);
    // The OK message tells whoever got the alarm that it is over.
    alarm.addOkAction(this.alarmAction);
    this.alarms.push(alarm);
  }
}

function appMetric([service, metricName]: AppMetric, stage: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    // Powertools adds `service`; the functions' defaultDimensions add `stage`.
    dimensionsMap: { service: SERVICE_NAMES[service], stage },
    statistic: Stats.SUM,
  });
}

/**
 * CostUsd per function and UTC day: the per-function dimension set the
 * functions publish next to the per-feature one (functions/observability/costMetrics.ts).
 */
function costMetricsByFunction(stage: string): Record<LambdaName, Metric> {
  const metrics = {} as Record<LambdaName, Metric>;
  for (const name of Object.keys(SERVICE_NAMES) as LambdaName[]) {
    metrics[name] = appMetric([name, COST_METRIC], stage).with({ period: COST_PERIOD, label: SERVICE_NAMES[name] });
  }
  return metrics;
}

/** The consumer's analytics counters per UTC day. */
function usageMetrics(stage: string): Record<keyof typeof ANALYTICS_METRICS, Metric> {
  const metrics = {} as Record<keyof typeof ANALYTICS_METRICS, Metric>;
  for (const [counter, metricName] of Object.entries(ANALYTICS_METRICS) as Array<[keyof typeof ANALYTICS_METRICS, string]>) {
    metrics[counter] = appMetric(['consumer', metricName], stage).with({ period: COST_PERIOD, label: metricName });
  }
  return metrics;
}

function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
