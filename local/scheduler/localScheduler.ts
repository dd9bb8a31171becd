import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody } from '../apiGatewayEvent';

const scheduleSchema = z
  .object({
    ScheduleExpression: z
      .string()
      .regex(/^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/, 'the local scheduler runs one-time at(...) schedules'),
    ScheduleExpressionTimezone: z.string().default('UTC'),
    GroupName: z.string().default('default'),
    ActionAfterCompletion: z.enum(['NONE', 'DELETE']).default('NONE'),
    Target: z
      .object({
        Arn: z.string(),
        RoleArn: z.string(),
        Input: z.string().optional(),
        DeadLetterConfig: z.object({ Arn: z.string().regex(/^arn:aws:sqs:/, 'an SQS queue ARN') }).optional(),
      })
      .passthrough(),
  })
  .passthrough();

export interface LocalSchedule {
  name: string;
  group: string;
  /** When it fires, in epoch milliseconds. */
  at: number;
  input: string | undefined;
  deleteAfterRun: boolean;
  /** What EventBridge Scheduler invokes, with which role, and where a failed delivery goes. */
  targetArn?: string;
  roleArn?: string;
  deadLetterArn?: string;
}

/** Wall-clock `at(...)` in a time zone → the instant, by asking Intl how far that zone is from UTC then. */
export function instantOf(expression: string, timeZone: string): number {
  const [, date = '', time = ''] = /^at\((\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})\)$/.exec(expression) ?? [];
  const asUtc = Date.parse(`${date}T${time}Z`);
  const zoned = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(asUtc));
  const offset = zoned.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const [, sign = '+', hours = '0', minutes = '0'] = /GMT([+-])(\d{2}):?(\d{2})?/.exec(offset) ?? [];
  const offsetMs = (Number(hours) * 60 + Number(minutes)) * 60_000 * (sign === '-' ? -1 : 1);
  return asUtc - offsetMs;
}

function send(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  response
    .writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) })
    .end(JSON.stringify(body));
}

/**
 * EventBridge Scheduler's REST API (the one-time schedules the app creates)
 * served in-process, so the consumer's @aws-sdk/client-scheduler code runs
 * unchanged under `npm start`; schedules fire on timers into the same jobs
 * handler the Lambda runs, and on demand.
 */
export class LocalScheduler {
  private readonly schedules = new Map<string, LocalSchedule>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly fire: (schedule: LocalSchedule) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  list(): LocalSchedule[] {
    return [...this.schedules.values()];
  }

  /** Runs every schedule (or those due by `until`) now, as if its time had come. */
  async runDue(until = Number.POSITIVE_INFINITY): Promise<number> {
    const due = this.list().filter((schedule) => schedule.at <= until);
    for (const schedule of due) await this.run(schedule);
    return due.length;
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/scheduler\/schedules\/([^/]+)$/.exec(url.pathname);
    if (match === null) return send(response, 404, { Message: 'unknown operation' }, 'ResourceNotFoundException');
    const name = decodeURIComponent(match[1] ?? '');
    const group = url.searchParams.get('groupName') ?? 'default';
    switch (request.method) {
      case 'POST':
      case 'PUT':
        return this.upsert(request, response, name, request.method === 'POST');
      case 'GET': {
        const schedule = this.schedules.get(this.key(group, name));
        if (!schedule) return send(response, 404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
        return send(response, 200, {
          Name: name,
          GroupName: group,
          ScheduleExpression: `at(${new Date(schedule.at).toISOString().slice(0, 19)})`,
        });
      }
      case 'DELETE':
        if (!this.remove(this.key(group, name)))
          return send(response, 404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
        return send(response, 200, {});
      default:
        return send(response, 405, { Message: 'method not allowed' }, 'ValidationException');
    }
  }

  private async upsert(request: IncomingMessage, response: ServerResponse, name: string, create: boolean): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(request, 256 * 1024)).toString('utf8'));
    } catch {
      return send(response, 400, { Message: 'body is not JSON' }, 'ValidationException');
    }
    const parsed = scheduleSchema.safeParse(body);
    if (!parsed.success) return send(response, 400, { Message: parsed.error.issues[0]?.message ?? 'invalid' }, 'ValidationException');
    const key = this.key(parsed.data.GroupName, name);
    const exists = this.schedules.has(key);
    if (create && exists) return send(response, 409, { Message: `Schedule ${name} already exists.` }, 'ConflictException');
    if (!create && !exists) return send(response, 404, { Message: `Schedule ${name} does not exist.` }, 'ResourceNotFoundException');
    const schedule: LocalSchedule = {
      name,
      group: parsed.data.GroupName,
      at: instantOf(parsed.data.ScheduleExpression, parsed.data.ScheduleExpressionTimezone),
      input: parsed.data.Target.Input,
      deleteAfterRun: parsed.data.ActionAfterCompletion === 'DELETE',
      targetArn: parsed.data.Target.Arn,
      roleArn: parsed.data.Target.RoleArn,
      ...(parsed.data.Target.DeadLetterConfig ? { deadLetterArn: parsed.data.Target.DeadLetterConfig.Arn } : {}),
    };
    this.remove(key);
    this.schedules.set(key, schedule);
    // setTimeout holds at most ~24.8 days; follow-ups are a week out.
    const delay = Math.min(Math.max(schedule.at - this.now(), 0), 2 ** 31 - 1);
    this.timers.set(key, setTimeout(() => void this.run(schedule), delay).unref());
    send(response, 200, { ScheduleArn: `arn:aws:scheduler:us-east-1:000000000000:schedule/${schedule.group}/${name}` });
  }

  private async run(schedule: LocalSchedule): Promise<void> {
    const key = this.key(schedule.group, schedule.name);
    if (this.schedules.get(key) !== schedule) return;
    if (schedule.deleteAfterRun) this.remove(key);
    await this.fire(schedule);
  }

  private remove(key: string): boolean {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    return this.schedules.delete(key);
  }

  private key(group: string, name: string): string {
    return `${group}/${name}`;
  }
}
