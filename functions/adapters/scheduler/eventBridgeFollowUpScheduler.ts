import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { FollowUpScheduler } from '../../domain/followups/followUpScheduler';
import { customerRef } from '../../observability/customerRef';
import { atExpression, STORE_TIME_ZONE, withinDaytime } from './almatyTime';

export interface FollowUpTarget {
  groupName: string;
  /** The jobs function the schedule invokes. */
  targetArn: string;
  /** The role EventBridge Scheduler assumes to invoke it. */
  roleArn: string;
  /** The SQS queue a follow-up goes to when every retry failed, so none vanishes without a trace. */
  deadLetterArn?: string;
}

/** What the jobs function receives when a follow-up fires. */
export interface FollowUpJob {
  job: 'follow-up';
  waId: string;
}

/**
 * One one-time schedule per customer (named by a hash, not the phone number),
 * moved with UpdateSchedule each time they write and deleted by EventBridge
 * Scheduler after it runs (ActionAfterCompletion DELETE).
 */
export class EventBridgeFollowUpScheduler implements FollowUpScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly target: FollowUpTarget,
    private readonly now: () => number = Date.now,
  ) {}

  async schedule(waId: string, at: Date): Promise<void> {
    const earliest = new Date(this.now() + 60_000);
    const when = withinDaytime(at.getTime() < earliest.getTime() ? earliest : at);
    const input: CreateScheduleCommandInput = {
      Name: this.nameFor(waId),
      GroupName: this.target.groupName,
      ScheduleExpression: atExpression(when),
      ScheduleExpressionTimezone: STORE_TIME_ZONE,
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 60 },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: this.target.targetArn,
        RoleArn: this.target.roleArn,
        Input: JSON.stringify({ job: 'follow-up', waId } satisfies FollowUpJob),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3_600 },
        ...(this.target.deadLetterArn === undefined ? {} : { DeadLetterConfig: { Arn: this.target.deadLetterArn } }),
      },
    };
    try {
      await this.client.send(new UpdateScheduleCommand(input));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      try {
        await this.client.send(new CreateScheduleCommand(input));
      } catch (createError) {
        // Another invocation created it between our two calls: ours is the newer time.
        if (!(createError instanceof ConflictException)) throw createError;
        await this.client.send(new UpdateScheduleCommand(input));
      }
    }
  }

  async cancel(waId: string): Promise<void> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: this.nameFor(waId), GroupName: this.target.groupName }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }

  private nameFor(waId: string): string {
    return `followup-${customerRef(waId)}`;
  }
}
