import * as z from 'zod';

/**
 * What EventBridge Scheduler hands the jobs function: the daily price check
 * (the stack's recurring schedule), or one customer's follow-up (a one-time
 * schedule the consumer created).
 */
export const scheduledJobSchema = z.discriminatedUnion('job', [
  z.object({ job: z.literal('price-alerts') }),
  z.object({ job: z.literal('follow-up'), waId: z.string().min(1).max(64) }),
]);

export type ScheduledJob = z.infer<typeof scheduledJobSchema>;
