import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { z } from 'zod';
import { appSettingsShape } from './appSettings';

/**
 * The deployment's settings, one per stage. Every key is a CDK context key:
 * cdk.json's `context` holds the safe defaults, and `-c key=value` overrides
 * them for one deployment (`npx cdk deploy -c stage=prod -c alarmEmail=...`).
 * Values from the command line arrive as strings, so numbers and booleans are
 * coerced here; a wrong value fails synth with the key's name instead of
 * deploying something odd.
 */

/** `-c tracing=false` arrives as the string 'false', which z.coerce.boolean() would read as true. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

const wholeNumber = z.coerce.number().int();

const PRODUCTION_STAGE = 'prod';

const RETENTION_DAYS = new Set<number>(Object.values(RetentionDays).filter((value) => typeof value === 'number'));

const settingsSchema = z
  .object({
    /**
     * The app's own settings (the manager, working hours, AI budget, limits,
     * WhatsApp number, product API…): lib/appSettings.ts, one key per variable
     * of the functions' environment.
     */
    ...appSettingsShape,

    /** Environment name: part of the stack name, the `stage` metric dimension and every function's STAGE. */
    stage: z.string().regex(/^[a-z][a-z0-9-]{1,15}$/, 'lower-case letters, digits and dashes, like dev or prod'),
    /** Deploy target; without them the stack is environment-agnostic and goes where the CLI credentials point. */
    account: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
      .optional(),

    /** Who is e-mailed when an alarm fires; without it the alarms still go to the SNS topic and the dashboard. */
    alarmEmail: z.email().optional(),

    logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']),
    /**
     * Every function's and the API's log group; a value CloudWatch Logs accepts.
     * cdk.json's 30 days cover a customer's complaint about last month's chat
     * without keeping conversation logs indefinitely.
     */
    logRetentionDays: wholeNumber.refine((days) => RETENTION_DAYS.has(days), 'a CloudWatch Logs retention, like 14, 30 or 90'),
    /**
     * X-Ray tracing on every function. Off in cdk.json: it bills per trace
     * beyond the free tier and adds a write per invocation, while Powertools'
     * logs and metrics already answer the everyday questions. Turn it on to
     * investigate latency (`-c tracing=true`).
     */
    tracing: flag,

    /**
     * Upper bound on concurrent consumer invocations the queue may start (SQS
     * allows 2 to 1000). cdk.json's 500 sustains a campaign with model turns
     * of a few seconds (`npm run capacity` shows what it needs) and leaves half
     * of a default account's 1,000 for the webhook and the rest; a quiet shop
     * runs a handful, since the event source only scales with the queue.
     */
    consumerMaxConcurrency: wholeNumber.min(2).max(1000),
    /**
     * Reserved concurrency, unset by default: reserving takes from the account's
     * unreserved pool, and new accounts have as little as 10 in all. In an
     * account shared with other workloads, reserve for the webhook (about 40
     * at 200 customer messages/s, `npm run capacity`) so Meta's deliveries are
     * never throttled by someone else's burst.
     */
    consumerReservedConcurrency: wholeNumber.positive().optional(),
    webhookReservedConcurrency: wholeNumber.positive().optional(),

    /**
     * When the price-alert check runs (the issue's ALERT_CHECK_INTERVAL): `daily` is 10:00 in Almaty, when
     * a price drop is welcome news rather than a night-time buzz; or an EventBridge Scheduler
     * expression such as `rate(6 hours)` or `cron(0 9,17 * * ? *)` (evaluated in Asia/Almaty).
     */
    alertCheckInterval: z
      .string()
      .regex(/^(daily|rate\(.+\)|cron\(.+\))$/, 'daily, rate(...) or cron(...)')
      .default('daily'),

    /** Daily spend in USD above which the cost alarm fires; read by the cost alarms that come with the cost metrics. */
    dailyCostAlarmUsd: z.coerce.number().positive(),
  })
  .superRefine((settings, context) => {
    if (settings.stage === PRODUCTION_STAGE && settings.whatsappPhoneNumberId === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['whatsappPhoneNumberId'],
        message: 'required for prod: the consumer cannot send replies without it',
      });
    }
    if (settings.consumerReservedConcurrency !== undefined && settings.consumerReservedConcurrency < settings.consumerMaxConcurrency) {
      // With fewer reserved than the event source may start, Lambda throttles
      // the poller and messages are retried towards the DLQ for no reason.
      context.addIssue({
        code: 'custom',
        path: ['consumerReservedConcurrency'],
        message: 'must be at least consumerMaxConcurrency',
      });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;

export function isProduction(settings: Pick<Settings, 'stage'>): boolean {
  return settings.stage === PRODUCTION_STAGE;
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/** Reads every setting from the CDK context (cdk.json, cdk.context.json, `-c`). */
export function readSettings(node: Node): Settings {
  const raw = Object.fromEntries(
    Object.keys(settingsSchema.shape)
      .map((key) => [key, node.tryGetContext(key)] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new SettingsError(`Invalid CDK context settings: ${problems.join('; ')}`);
  }
  return parsed.data;
}
