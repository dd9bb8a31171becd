import type { IncomingMessage, ServerResponse } from 'node:http';
import { atExpression, STORE_TIME_ZONE } from '../functions/adapters/scheduler/almatyTime';
import { instantOf, LocalScheduler, type LocalSchedule } from './scheduler/localScheduler';

/** How schedules reach the jobs function: its handler in-process, or as EventBridge Scheduler invokes the deployed one. */
export interface ScheduledInvocations {
  /** The recurring price check (the stack's PriceCheckSchedule). */
  runDailyCheck(): Promise<unknown>;
  /** A customer's one-time follow-up schedule, fired. */
  fire(schedule: LocalSchedule): Promise<unknown>;
}

/** The stack's default: the daily check at 10:00 Almaty time, when a price drop is welcome news. */
const DAILY_CHECK_HOUR = 10;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** The next 10:00 in Almaty after `now`. */
function nextDailyCheck(now: number): number {
  const today = atExpression(new Date(now)).slice(3, 13);
  const todayAtTen = instantOf(`at(${today}T${String(DAILY_CHECK_HOUR).padStart(2, '0')}:00:00)`, STORE_TIME_ZONE);
  return todayAtTen > now ? todayAtTen : todayAtTen + 24 * 3_600_000;
}

/**
 * The jobs function under `npm start`: the same handler as the alert-checker
 * Lambda, run daily on a local timer, on demand through the simulator API,
 * and by the customers' one-time follow-up schedules (an in-process
 * EventBridge Scheduler API at /scheduler).
 */
export function createScheduledJobs(invocations: ScheduledInvocations, log: (line: string) => void) {
  const scheduler = new LocalScheduler(async (schedule) => {
    try {
      await invocations.fire(schedule);
    } catch (error) {
      log(`scheduled job ${schedule.name} failed: ${String(error)}`);
    }
  });

  let daily: NodeJS.Timeout | undefined;
  const planDaily = () => {
    daily = setTimeout(
      () => {
        invocations.runDailyCheck().catch((error: unknown) => log(`daily price check failed: ${String(error)}`));
        planDaily();
      },
      Math.min(nextDailyCheck(Date.now()) - Date.now(), 2 ** 31 - 1),
    ).unref();
  };
  planDaily();

  return {
    scheduler,
    async handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path.startsWith('/scheduler/')) {
        await scheduler.handle(request, response);
        return true;
      }
      if (request.method === 'POST' && path === '/sim/api/jobs/alert-checker') {
        sendJson(response, 200, await invocations.runDailyCheck());
        return true;
      }
      if (request.method === 'POST' && path === '/sim/api/jobs/follow-ups') {
        sendJson(response, 200, { ran: await scheduler.runDue() });
        return true;
      }
      if (request.method === 'GET' && path === '/sim/api/jobs/follow-ups') {
        sendJson(
          response,
          200,
          scheduler.list().map(({ name, at }) => ({ name, at })),
        );
        return true;
      }
      return false;
    },
    stop(): void {
      clearTimeout(daily);
      scheduler.stop();
    },
  };
}
