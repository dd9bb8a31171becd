import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCostLedger } from '../../functions/adapters/dynamodb/dynamoCostLedger';
import { parseEnvironment } from '../../functions/config/environment';
import { buildWebhook } from '../../functions/webhook/buildWebhook';
import { createLambdaContext } from '../../local/lambdaContext';
import { contact, textMessage, webhookBody } from '../support/cloudApiPayloads';
import { startLocalSqs, type LocalSqs } from '../support/localSqs';
import { startTestTable, type TestTable } from '../support/localDynamo';
import { APP_SECRET, webhookEvent } from '../support/signedRequest';
import { quietTelemetry } from '../support/telemetry';

/**
 * Issue 17: anyone on the internet can post to the webhook. Requests refused
 * before any work — no or a bad signature, a wrong method, a body too large, a
 * wrong verify token — must not each write a cost-ledger row kept 13 months;
 * and the verify token is compared in constant time.
 */
let table: TestTable;
let sqs: LocalSqs;
let handler: ReturnType<typeof buildWebhook>['handler'];
let ledger: DynamoCostLedger;

const context = () => createLambdaContext({ functionName: 'webhook', timeoutMs: 10_000, memoryMb: 256 });
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  // The local servers accept any key pair; the SDK's default chain needs one.
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  [table, sqs] = await Promise.all([startTestTable(), startLocalSqs()]);
  const env = parseEnvironment({
    STAGE: 'test',
    TABLE_NAME: table.tableName,
    DYNAMODB_ENDPOINT: table.endpoint,
    QUEUE_URL: sqs.queueUrl,
    SQS_ENDPOINT: new URL(sqs.queueUrl).origin + '/sqs',
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'verify-me',
    WEBHOOK_MAX_BODY_BYTES: '4096',
  });
  ({ handler } = buildWebhook(env, quietTelemetry()));
  ledger = new DynamoCostLedger(table.document, table.tableName);
});
afterAll(async () => Promise.all([table.close(), sqs.close()]));

async function invoke(event: Parameters<typeof handler>[0]): Promise<number> {
  return ((await handler(event, context())) as APIGatewayProxyStructuredResultV2).statusCode ?? 0;
}

describe('requests refused before any work', () => {
  it('write no cost-ledger row; an accepted message writes its one row', async () => {
    const body = JSON.stringify(webhookBody({ contacts: [contact('77017001701')], messages: [textMessage('77017001701', 'привет')] }));
    const refused = [
      await invoke(webhookEvent(body, { signature: null })),
      await invoke(webhookEvent(body, { signature: `sha256=${'0'.repeat(64)}` })),
      await invoke(webhookEvent(body, { method: 'PUT' })),
      await invoke(webhookEvent('x'.repeat(5_000))),
      await invoke(
        webhookEvent('', { method: 'GET', query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' } }),
      ),
    ];
    expect(refused).toEqual([401, 401, 405, 413, 403]);
    expect(await ledger.rowsBetween(today(), today())).toEqual([]);

    expect(await invoke(webhookEvent(body))).toBe(200);
    expect(await ledger.rowsBetween(today(), today())).toHaveLength(1);
  });

  it('answers the handshake only to the exact verify token, also one sharing its prefix or differing in length', async () => {
    const handshake = (token: string) =>
      invoke(webhookEvent('', { method: 'GET', query: { 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '7' } }));
    expect(await handshake('verify-me')).toBe(200);
    expect(await Promise.all(['verify-m', 'verify-me ', 'verify-mE', ''].map(handshake))).toEqual([403, 403, 403, 403]);
  });
});
