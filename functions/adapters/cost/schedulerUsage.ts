import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import { currentMeter } from '../../observability/usageMeterContext';

/**
 * Counts EventBridge Scheduler API calls (a follow-up schedule moved on every
 * turn). They are free: Scheduler bills the invocations, which the jobs
 * function books for itself. The count shows the schedules' churn.
 */
export function meterSchedulerUsage(client: SchedulerClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } finally {
        currentMeter()?.record({ kind: 'scheduler', invocations: 0, apiCalls: 1 });
      }
    },
    { step: 'initialize', name: 'zetaSchedulerUsage', override: true },
  );
}
