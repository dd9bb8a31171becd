import { ArnFormat, Duration, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { grantIndexQuery, grantSecretValue, grantTableItems } from '../grants';
import { acknowledgeWildcardInside, nagResourceName } from '../nagFindings';
import type { Settings } from '../settings';
import { zetaFunction } from './zetaFunction';

/** 10:00 in Almaty: a price drop is welcome news in the morning, not a buzz at night. */
const DAILY_CHECK = 'cron(0 10 * * ? *)';

/**
 * A whole catalog's alerts, checked product by product through the byProduct
 * index, plus the notifications: minutes at most even for a large store.
 */
const ALERT_CHECKER_TIMEOUT = Duration.minutes(5);

export interface AlertsProps {
  readonly table: Table;
  readonly secret: ISecret;
  readonly settings: Settings;
}

/**
 * Price alerts and proactive follow-ups: the alert-checker function, the
 * EventBridge Scheduler schedule that runs the daily check in Almaty time,
 * and the group and role the consumer uses for customers' one-time
 * follow-up schedules (each deleted after it runs).
 */
export class Alerts extends Construct {
  readonly checker: LambdaFunction;
  readonly followUpGroup: ScheduleGroup;
  readonly followUpRole: Role;
  readonly dailyCheck: Schedule;
  /** Scheduled invocations (the daily check, follow-ups) that failed every retry. */
  readonly schedulerDeadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    const { settings } = props;

    this.checker = zetaFunction(this, 'AlertChecker', {
      name: 'alertChecker',
      description: `ZETA Assistant ${settings.stage}: daily price-alert check and customer follow-ups`,
      // Holds the catalog in memory and sends notifications one by one: no heavy CPU work.
      memorySize: 512,
      timeout: ALERT_CHECKER_TIMEOUT,
      environment: {
        TABLE_NAME: props.table.tableName,
        SECRETS_ID: props.secret.secretName,
      },
      settings,
    });
    grantTableItems(this.checker, props.table, ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);
    grantIndexQuery(
      this.checker,
      props.table,
      "The check reads alerts through the byProduct index, named under this one table's ARN: Query on this table's indexes only.",
    );
    grantSecretValue(this.checker, props.secret);

    this.followUpRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets EventBridge Scheduler run the price check and the follow-ups on the alert-checker function',
    });
    this.checker.grantInvoke(this.followUpRole);
    acknowledgeWildcardInside(
      this.followUpRole,
      this.checker,
      ':*',
      'lambda:InvokeFunction on the alert-checker function and its versions/aliases (ARN:*) only: CDK grants both forms of the one function ARN.',
    );

    this.schedulerDeadLetterQueue = new Queue(this, 'SchedulerDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The maximum: time to see which check or follow-up failed, and why (the message carries the error).
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.schedulerDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is itself the dead-letter queue of the EventBridge Scheduler targets (the daily check and the customers' follow-ups).",
    });

    const expression = settings.alertCheckInterval === 'daily' ? DAILY_CHECK : settings.alertCheckInterval;
    this.dailyCheck = new Schedule(this, 'PriceCheckSchedule', {
      description: `ZETA Assistant ${settings.stage}: price-alert check (${expression}, Asia/Almaty)`,
      schedule: ScheduleExpression.expression(expression, TimeZone.ASIA_ALMATY),
      target: new LambdaInvoke(this.checker, {
        role: this.followUpRole,
        input: ScheduleTargetInput.fromObject({ job: 'price-alerts' }),
        retryAttempts: 2,
        maxEventAge: Duration.hours(2),
        deadLetterQueue: this.schedulerDeadLetterQueue,
      }),
    });

    // Never retained, in any stage: pending follow-ups are disposable, and a
    // named group left behind by `cdk destroy` would make the next deploy of
    // the stage fail on its name.
    this.followUpGroup = new ScheduleGroup(this, 'FollowUpGroup', {
      scheduleGroupName: `${Stack.of(this).stackName}-followups`,
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }

  /** What the consumer needs to create, move and cancel one-time follow-up schedules. */
  allowFollowUpScheduling(consumer: LambdaFunction): void {
    consumer.addEnvironment('FOLLOW_UP_GROUP', this.followUpGroup.scheduleGroupName);
    consumer.addEnvironment('FOLLOW_UP_TARGET_ARN', this.checker.functionArn);
    consumer.addEnvironment('FOLLOW_UP_ROLE_ARN', this.followUpRole.roleArn);
    consumer.addEnvironment('FOLLOW_UP_DEAD_LETTER_ARN', this.schedulerDeadLetterQueue.queueArn);
    const followUpSchedules = Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.followUpGroup.scheduleGroupName}/*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    consumer.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
        resources: [followUpSchedules],
      }),
    );
    const role = consumer.role;
    if (role !== undefined) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagResourceName(this, followUpSchedules)}]`,
        reason:
          "One-time schedules are named per customer (followup-<hash>) and created at run time; the wildcard only covers schedules in this stage's follow-up group.",
      });
    }
    consumer.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['iam:PassRole'],
        resources: [this.followUpRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
  }
}
