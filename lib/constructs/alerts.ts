import { ArnFormat, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledgeWildcardInside } from '../nagFindings';
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
  readonly checker: NodejsFunction;
  readonly followUpGroup: ScheduleGroup;
  readonly followUpRole: Role;
  readonly dailyCheck: Schedule;

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
        GRAPH_API_VERSION: settings.graphApiVersion,
        ...(settings.whatsappPhoneNumberId === undefined ? {} : { WHATSAPP_PHONE_NUMBER_ID: settings.whatsappPhoneNumberId }),
        ...(settings.apiUrl === undefined ? {} : { API_URL: settings.apiUrl }),
      },
      settings,
    });
    props.table.grantReadWriteData(this.checker);
    acknowledgeWildcardInside(
      this.checker,
      props.table,
      '/index/*',
      "grantReadWriteData includes the table's own indexes: the check reads alerts through the byProduct index, named under this one table's ARN.",
    );
    props.secret.grantRead(this.checker);

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

    const expression = settings.alertCheckInterval === 'daily' ? DAILY_CHECK : settings.alertCheckInterval;
    this.dailyCheck = new Schedule(this, 'PriceCheckSchedule', {
      description: `ZETA Assistant ${settings.stage}: price-alert check (${expression}, Asia/Almaty)`,
      schedule: ScheduleExpression.expression(expression, TimeZone.ASIA_ALMATY),
      target: new LambdaInvoke(this.checker, {
        role: this.followUpRole,
        input: ScheduleTargetInput.fromObject({ job: 'price-alerts' }),
        retryAttempts: 2,
        maxEventAge: Duration.hours(2),
      }),
    });

    this.followUpGroup = new ScheduleGroup(this, 'FollowUpGroup', {
      scheduleGroupName: `zeta-${settings.stage}-followups`,
    });
  }

  /** What the consumer needs to create, move and cancel one-time follow-up schedules. */
  allowFollowUpScheduling(consumer: NodejsFunction): void {
    consumer.addEnvironment('FOLLOW_UP_GROUP', this.followUpGroup.scheduleGroupName);
    consumer.addEnvironment('FOLLOW_UP_TARGET_ARN', this.checker.functionArn);
    consumer.addEnvironment('FOLLOW_UP_ROLE_ARN', this.followUpRole.roleArn);
    consumer.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule'],
        resources: [
          Stack.of(this).formatArn({
            service: 'scheduler',
            resource: 'schedule',
            resourceName: `${this.followUpGroup.scheduleGroupName}/*`,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
      }),
    );
    const role = consumer.role;
    if (role !== undefined) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.followUpGroup.scheduleGroupName}/*]`,
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
