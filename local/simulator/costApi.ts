import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDynamoClients } from '../../functions/adapters/dynamodb/dynamoClients';
import { DynamoCostLedger } from '../../functions/adapters/dynamodb/dynamoCostLedger';
import type { Environment } from '../../functions/config/environment';
import { InvalidDayError, lastDays, parseDay } from '../../functions/domain/cost/days';

const LEDGER_PATH = '/sim/api/cost/ledger';

const ledgers = new WeakMap<Environment, DynamoCostLedger>();

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/**
 * Read-only: `GET /sim/api/cost/ledger?from=YYYY-MM-DD&to=YYYY-MM-DD` → the
 * local ledger's rows of those UTC days (default: the last 7), for
 * `zeta cost report --local`. Rows hold hashed customer refs, never numbers.
 */
export async function serveCostApi(request: IncomingMessage, response: ServerResponse, env: Environment): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== LEDGER_PATH) return false;
  if (request.method !== 'GET') {
    sendJson(response, 405, { error: 'GET only' });
    return true;
  }
  const fallback = lastDays(7, Date.now());
  const from = url.searchParams.get('from') ?? fallback.from;
  const to = url.searchParams.get('to') ?? fallback.to;
  try {
    if (parseDay(to) < parseDay(from)) {
      sendJson(response, 400, { error: 'from must be on or before to' });
      return true;
    }
  } catch (error) {
    if (!(error instanceof InvalidDayError)) throw error;
    sendJson(response, 400, { error: error.message });
    return true;
  }
  let ledger = ledgers.get(env);
  if (ledger === undefined) {
    ledger = new DynamoCostLedger(createDynamoClients(env).document, env.TABLE_NAME);
    ledgers.set(env, ledger);
  }
  sendJson(response, 200, await ledger.rowsBetween(from, to));
  return true;
}
