import type { Logger } from '@aws-lambda-powertools/logger';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Environment } from '../../config/environment';
import type { FollowUpScheduler } from '../../domain/followups/followUpScheduler';
import { meterSchedulerUsage } from '../cost/schedulerUsage';
import { EventBridgeFollowUpScheduler } from './eventBridgeFollowUpScheduler';

/**
 * The consumer's follow-up schedules (EventBridge Scheduler), when the stack
 * gave it a group, a target and a role; the jobs function only runs them and
 * never loads the Scheduler client.
 */
export function followUpSchedulerFromEnvironment(env: Environment, logger: Pick<Logger, 'info'>): FollowUpScheduler | undefined {
  const { FOLLOW_UP_GROUP: groupName, FOLLOW_UP_TARGET_ARN: targetArn, FOLLOW_UP_ROLE_ARN: roleArn } = env;
  if (!groupName || !targetArn || !roleArn) {
    logger.info('follow-ups are off: FOLLOW_UP_GROUP, FOLLOW_UP_TARGET_ARN and FOLLOW_UP_ROLE_ARN are not all set');
    return undefined;
  }
  const client = new SchedulerClient({ region: env.AWS_REGION, ...(env.SCHEDULER_ENDPOINT ? { endpoint: env.SCHEDULER_ENDPOINT } : {}) });
  meterSchedulerUsage(client);
  return new EventBridgeFollowUpScheduler(client, {
    groupName,
    targetArn,
    roleArn,
    ...(env.FOLLOW_UP_DEAD_LETTER_ARN ? { deadLetterArn: env.FOLLOW_UP_DEAD_LETTER_ARN } : {}),
  });
}
