import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCostLedger } from '../../functions/adapters/dynamodb/dynamoCostLedger';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPACITY_GOAL } from '../../bin/commands/capacityCommand';
import { DEFAULT_TURN_DEADLINE_MS } from '../../functions/adapters/openai/openAiAssistant';
import { capacityReport } from '../../lib/capacity/capacityReport';
import { stackCapacitySettings } from '../../lib/capacity/stackCapacitySettings';
import { synthesizeAssembly } from '../../lib/synthesizeAssembly';
import { measureMessageUse } from '../../local/capacity/measureMessageUse';
import { startLocalRuntime, type LocalRuntime } from '../../local/localRuntime';
import type { AsDeployedStack } from '../../local/asDeployed/asDeployedStack';
import { describeDenial } from '../../local/asDeployed/iamAuthorizer';
import { makeAudioFixtures, type AudioFixtures } from '../media/audioFixtures';
import { startFakeOpenAiServer, textCompletion, type FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { startRecordingServer } from '../support/recordingHttpServer';
import { sendAsCustomer, waitForChat, type ChatLine } from '../support/runningZeta';
import { signBody } from '../../functions/webhook/signature';
import { unusedGrants } from './grantCoverage';

/**
 * The end-to-end features through the stack `cdk deploy` would create: each
 * function's bundle from the synthesized cdk.out, in its own environment with
 * exactly the template's variables, secrets only in the (stand-in) Secrets
 * Manager secret, and every AWS call evaluated against that function's role
 * policy in the template. A call the policy denies fails here, naming the
 * function, the action and the resource.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MANAGER = '77017770000';
const OPENAI_KEY = 'sk-only-in-the-secret';
/**
 * A stage's deploy settings, as DevOps pass them (`cdk deploy -c managerWaId=… -c apiUrl=…`), none
 * of them the functions' defaults: a function that needs a setting and is not given it fails here.
 */
const CONTEXT = {
  stage: 'ci',
  whatsappPhoneNumberId: '109876543210987',
  whatsappBusinessAccountId: '209876543210987',
  graphApiVersion: 'v25.0',
  managerWaId: MANAGER,
  managerName: 'Ержан',
  managerHours: '00:00-23:59',
  managerDays: '1-7',
  apiUrl: 'https://erp.zeta.kz/api',
  catalogCacheSeconds: '1',
  aiRouting: 'model',
  rateLimitPerMinute: '40',
};

let assembly: string;
let runtime: LocalRuntime;
let stack: AsDeployedStack;
let openAi: FakeOpenAiServer;
let bitrix: Awaited<ReturnType<typeof startRecordingServer>>;
let audio: AudioFixtures;
let operator: { credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }; region: string };

beforeAll(async () => {
  assembly = mkdtempSync(join(tmpdir(), 'zeta-as-deployed-'));
  [audio, openAi, bitrix] = await Promise.all([
    makeAudioFixtures(),
    startFakeOpenAiServer(),
    startRecordingServer(() => ({ status: 200, body: { result: 4242, time: {} } })),
  ]);
  synthesizeAssembly(assembly, CONTEXT);
  runtime = await startLocalRuntime({
    port: 0,
    inMemory: true,
    asDeployed: {
      assemblyDirectory: assembly,
      secretValues: { OPENAI_API_KEY: OPENAI_KEY, BITRIX24_WEBHOOK_URL: `${bitrix.url}/rest/1/secretcode/` },
      openAiBaseUrl: openAi.baseURL,
    },
  });
  stack = runtime.asDeployed as AsDeployedStack;
  const keys = stack.operatorCredentials();
  operator = {
    credentials: { accessKeyId: keys.AWS_ACCESS_KEY_ID, secretAccessKey: keys.AWS_SECRET_ACCESS_KEY, sessionToken: keys.AWS_SESSION_TOKEN },
    region: stack.deployment.region,
  };
}, 240_000);

afterAll(async () => {
  await runtime?.stop();
  await Promise.all([openAi?.close(), bitrix?.close(), audio?.remove()]);
  if (assembly) rmSync(assembly, { recursive: true, force: true });
});

const say = (from: string, message: Record<string, unknown>): Promise<string> =>
  sendAsCustomer(runtime.url, { from, name: 'Дана', ...message });

const text = (body: string) => ({ type: 'text', text: { body } });
const tap = (id: string, title: string) => ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } });
const outbound = (lines: ChatLine[]) => lines.filter((line) => line.direction === 'out').map((line) => JSON.stringify(line.payload));

async function answers(waId: string, count: number, timeoutMs = 30_000): Promise<string[]> {
  return outbound(await waitForChat(runtime.url, waId, (lines) => outbound(lines).length >= count, timeoutMs));
}

async function post(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${runtime.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** Every item of the table that mentions the customer, however it is keyed. */
async function itemsMentioning(waId: string): Promise<string[]> {
  const dynamo = new DynamoDBClient({ ...operator, endpoint: stack.endpointOf('dynamodb') });
  const { Items = [] } = await dynamo.send(new ScanCommand({ TableName: stack.tableName() }));
  return Items.map((item) => JSON.stringify(item)).filter((item) => item.includes(waId));
}

async function stagedMedia(): Promise<string[]> {
  const s3 = new S3Client({ ...operator, endpoint: stack.endpointOf('s3'), forcePathStyle: true });
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: stack.bucketName(), Prefix: 'voice/' }));
  return (listed.Contents ?? []).map((object) => object.Key ?? '');
}

describe('as deployed: every feature with the configuration, secrets and role policies `cdk deploy` gives it', () => {
  it('keeps every secret out of every function environment: the key is only in the secret', () => {
    for (const fn of Object.values(stack.functions)) {
      expect(Object.keys(fn.environment)).not.toContain('OPENAI_API_KEY');
      expect(JSON.stringify(fn.environment)).not.toContain(OPENAI_KEY);
    }
    expect(stack.functions.consumer.environment).toMatchObject({ MANAGER_WA_ID: MANAGER, MANAGER_NAME: 'Ержан', AI_ROUTING: 'model' });
  });

  it('answers a text through the model, whose key the consumer read from the secret', async () => {
    const before = openAi.chatRequests.length;
    await say('77021000001', text('Покажите серый диван до 300 тысяч'));
    const [reply] = await answers('77021000001', 1);
    expect(openAi.chatRequests.length).toBeGreaterThan(before);
    expect(openAi.apiKeys).toContain(OPENAI_KEY);
    expect(reply).toContain('product:SOF-');
  });

  it('transcribes a voice note (staged in the media bucket) and answers what was said', async () => {
    const mediaId = runtime.graph.putMedia(audio.ogg, 'audio/ogg; codecs=opus');
    await say('77021000002', { type: 'audio', audio: { id: mediaId, mime_type: 'audio/ogg; codecs=opus', voice: true } });
    const [reply] = await answers('77021000002', 1);
    expect(openAi.transcriptionRequests).toHaveLength(1);
    expect(reply).toContain('product:SOF-');
    expect((await stagedMedia()).length).toBeGreaterThan(0);
  });

  it('describes a photo with the vision model and shows matching products', async () => {
    openAi.respondWith(() =>
      textCompletion(JSON.stringify({ is_furniture: true, category: 'bed', color: 'beige', style: null, keywords: ['двуспальная'] })),
    );
    const mediaId = runtime.graph.putMedia(audio.jpeg, 'image/jpeg');
    await say('77021000003', { type: 'image', image: { id: mediaId, mime_type: 'image/jpeg' } });
    const [reply] = await answers('77021000003', 1);
    expect(reply).toContain('product:BED-');
  });

  it('sets a price alert, and the daily check run by the scheduler role notifies after the store API lowers the price', async () => {
    const customer = '77021000004';
    await say(customer, tap('watch:SOF-003', '🔔 Следить за ценой'));
    await answers(customer, 1);
    await post('/sim/api/catalog/prices', { 'SOF-003': 99_990 });
    const run = (await post('/sim/api/jobs/alert-checker')) as { report: { fired: number; failed: number } };
    expect(run.report).toMatchObject({ fired: 1, failed: 0 });
    const [, notification] = await answers(customer, 2);
    expect(notification).toContain('99\u00a0990\u00a0₸');

    await say(customer, tap('watch:SOF-010', '🔔 Следить за ценой'));
    await answers(customer, 3);
    await say(customer, tap('unwatch:SOF-010', 'Не следить'));
    await answers(customer, 4);
    const rerun = (await post('/sim/api/jobs/alert-checker')) as { report: { checked: number } };
    expect(rerun.report.checked).toBe(0);
  });

  it('serves product pictures through CloudFront, from its cache after the first fetch, at the URL cards carry', async () => {
    expect(stack.functions.consumer.environment.CATALOG_IMAGE_BASE_URL).toMatch(/^https:\/\/d\w+\.cloudfront\.net\/catalog\/$/);
    const imageBase = stack.localVariable('consumer', 'CATALOG_IMAGE_BASE_URL') ?? '';
    expect(imageBase.startsWith(`${runtime.url}/cloudfront/`)).toBe(true);
    const [before] = Object.values(stack.cloudFrontStats());
    for (let fetched = 0; fetched < 3; fetched += 1) {
      const card = await fetch(`${imageBase}images/SOF-003.png?junk=${fetched}`);
      expect(card.status).toBe(200);
      expect(card.headers.get('content-type')).toBe('image/png');
    }
    const [after] = Object.values(stack.cloudFrontStats());
    // One miss went to the API's route and the function; the made-up query strings did not force more.
    expect((after?.misses ?? 0) - (before?.misses ?? 0)).toBe(1);
    expect((after?.hits ?? 0) - (before?.hits ?? 0)).toBe(2);
    // The API's own route still answers, for whoever reaches it directly.
    expect((await fetch(`${runtime.url}/catalog/images/SOF-003.png`)).status).toBe(200);
  });

  it(
    "keeps the webhook's capacity for Meta while junk floods the pictures route (issue 17): that route alone is throttled",
    { timeout: 90_000 },
    async () => {
      // Waves of ten, so that the few environments the admitted requests need stay warm; faster than the route refills.
      const statuses: number[] = [];
      for (let wave = 0; wave < 20 && !statuses.includes(429); wave += 1) {
        const answers = await Promise.all(
          Array.from({ length: 10 }, (_, index) => fetch(`${runtime.url}/catalog/images/NOPE-${wave}-${index}.png`)),
        );
        statuses.push(...answers.map((response) => response.status));
      }
      expect(statuses).toContain(429);
      expect(statuses.filter((status) => status === 404).length).toBeGreaterThanOrEqual(100);
      const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '209876543210987', changes: [] }] });
      for (let delivery = 0; delivery < 5; delivery += 1) {
        const webhook = await fetch(`${runtime.url}/webhook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, 'local-app-secret') },
          body,
        });
        expect(webhook.status).toBe(200);
      }
    },
  );

  it("books the webhook's and catalog pictures' invocations through their logs: the ledger writer puts the rows in the ledger", async () => {
    const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ ...operator, endpoint: stack.endpointOf('dynamodb') }));
    const ledger = new DynamoCostLedger(dynamo, stack.tableName());
    const today = new Date().toISOString().slice(0, 10);
    const booked = async () => {
      // A function's log lines reach the runtime a moment after its answer: deliver what has come, then read.
      await stack.settleLogs();
      return new Set((await ledger.rowsBetween(today, today)).map((row) => row.function));
    };
    let functions = await booked();
    for (let waited = 0; !functions.has('catalog-images') && waited < 10_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      functions = await booked();
    }
    expect(functions).toContain('webhook');
    expect(functions).toContain('catalog-images');
    expect(functions).toContain('ledger-writer');
    // Nothing between Meta's POST and its 200 but the queue: not even the ledger.
    expect(stack.authorizer.calls().filter((call) => call.caller === 'webhook' && call.action.startsWith('dynamodb:'))).toEqual([]);
  });

  it("keeps a batch of cost rows the ledger writer fails in the writer's dead-letter queue", async () => {
    await stack.invokeAsync('ledgerWriter', { awslogs: { data: Buffer.from('not gzip').toString('base64') } });
    expect(stack.failedAsyncInvocations().at(-1)?.destinationArn).toMatch(/WriterDeadLetterQueue/);
  });

  it("schedules a customer's follow-up once a day however much they write, and EventBridge Scheduler runs it with its role", async () => {
    const customer = '77021000005';
    const pending = async () =>
      ((await (await fetch(`${runtime.url}/sim/api/jobs/follow-ups`)).json()) as Array<{ name: string }>).map((s) => s.name);
    const scheduleCalls = () =>
      stack.authorizer.calls().filter((call) => call.action.startsWith('scheduler:') && call.caller === 'consumer').length;
    const before = await pending();
    await say(customer, text('покажите кровати'));
    await answers(customer, 1);
    // The schedule is moved after the answer goes out: wait for this customer's, not any.
    let added: string[] = [];
    for (let waited = 0; added.length === 0 && waited < 10_000; waited += 100) {
      added = (await pending()).filter((name) => !before.includes(name));
      if (added.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(added).toHaveLength(1);
    const callsAfterFirst = scheduleCalls();
    await say(customer, text('а белые есть?'));
    await answers(customer, 2);
    await say(customer, text('спасибо'));
    await answers(customer, 3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(scheduleCalls()).toBe(callsAfterFirst);

    const invocations = () =>
      stack.authorizer.calls().filter((call) => call.caller === 'scheduler' && call.action === 'lambda:InvokeFunction');
    const invokedBefore = invocations().length;
    await post('/sim/api/jobs/follow-ups');
    expect(invocations().length).toBeGreaterThan(invokedBefore);
  });

  it('puts a scheduled job the alert checker fails into the scheduler dead-letter queue', async () => {
    const consumerEnv = stack.functions.consumer.environment;
    const scheduler = new SchedulerClient({ ...operator, endpoint: stack.endpointOf('scheduler') });
    await scheduler.send(
      new CreateScheduleCommand({
        Name: 'broken-job',
        GroupName: consumerEnv.FOLLOW_UP_GROUP,
        ScheduleExpression: 'at(2030-01-01T10:00:00)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: {
          Arn: consumerEnv.FOLLOW_UP_TARGET_ARN,
          RoleArn: consumerEnv.FOLLOW_UP_ROLE_ARN,
          Input: JSON.stringify({ job: 'no-such-job' }),
          DeadLetterConfig: { Arn: consumerEnv.FOLLOW_UP_DEAD_LETTER_ARN },
        },
      }),
    );
    await post('/sim/api/jobs/follow-ups');
    expect(stack.deadLetters().map((letter) => letter.schedule)).toContain('broken-job');
  });

  it('hands a customer to the configured manager on WhatsApp and to Bitrix24 (whose URL is in the secret)', async () => {
    const customer = '77021000006';
    await say(customer, text('позовите менеджера'));
    await answers(customer, 1);
    const [toManager] = await answers(MANAGER, 1);
    expect(toManager).toContain('Дана');
    expect(bitrix.requests.map((request) => request.path)).toContain('/rest/1/secretcode/crm.lead.add.json');
  });

  it('forgets a customer with a staged voice note: nothing of them is left in the table or the bucket', async () => {
    const customer = '77021000002';
    const stagedBefore = await stagedMedia();
    expect(await itemsMentioning(customer)).not.toEqual([]);
    await say(customer, text('удалите мои данные'));
    const [, question] = await answers(customer, 2);
    const confirmation = /"(forget:yes:\w+)"/.exec(question ?? '')?.[1];
    expect(confirmation).toBeDefined();
    await say(customer, tap(confirmation as string, 'Да, удалить'));
    await answers(customer, 3);
    expect(await itemsMentioning(customer)).toEqual([]);
    expect((await stagedMedia()).length).toBeLessThan(stagedBefore.length);
  });

  it('syncs the templates with the token read from the deployed secret (zeta templates sync --secret)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/zeta.js', 'templates', 'status', '--secret', stack.deployment.secret().name],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          WHATSAPP_TOKEN: '',
          WHATSAPP_BUSINESS_ACCOUNT_ID: CONTEXT.whatsappBusinessAccountId,
          GRAPH_API_VERSION: CONTEXT.graphApiVersion,
          GRAPH_API_BASE_URL: `${runtime.url}/graph`,
          AWS_REGION: operator.region,
          AWS_ACCESS_KEY_ID: operator.credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: operator.credentials.secretAccessKey,
          AWS_SESSION_TOKEN: operator.credentials.sessionToken,
          AWS_ENDPOINT_URL_SECRETS_MANAGER: stack.endpointOf('secretsmanager'),
        },
      },
    );
    expect(stdout).toContain('price_alert_notification');
    expect(stdout).not.toContain('MISSING');
    expect(stack.authorizer.calls().some((call) => call.caller === 'operator' && call.action === 'secretsmanager:GetSecretValue')).toBe(
      true,
    );
  });

  it('answers a customer known only by a BSUID at the BSUID, and moves a customer who changed their number', async () => {
    const bsuid = 'KZ.1502576394650007';
    await post('/sim/api/messages', { from_user_id: bsuid, username: 'dana.home', ...text('покажите кресла') });
    const [list] = await answers(bsuid, 1);
    expect(JSON.parse(list!)).toMatchObject({ recipient: bsuid });

    const oldNumber = '77021000008';
    const newNumber = '77021000009';
    await say(oldNumber, text('стоп'));
    await answers(oldNumber, 1);
    const notice = {
      type: 'system',
      system: { body: 'User Дана changed number', wa_id: newNumber, type: 'user_changed_number' },
    };
    await say(oldNumber, notice);
    for (let waited = 0; (await itemsMentioning(`C#${oldNumber}`)).length > 0 && waited < 10_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await itemsMentioning(`C#${oldNumber}`)).toEqual([]);
    expect((await itemsMentioning(`C#${newNumber}`)).join()).toContain('"optedOut":{"BOOL":true}');
  });

  it('acknowledges an order with its items and total, stores it and passes it to the manager and Bitrix24; answers a pin with the showrooms', async () => {
    const customer = '77021000007';
    const leadsBefore = bitrix.requests.length;
    await say(customer, {
      type: 'order',
      order: { catalog_id: '1', product_items: [{ product_retailer_id: 'SOF-001', quantity: 2, item_price: 1, currency: 'KZT' }] },
    });
    const [thanks] = await answers(customer, 1);
    expect(thanks).toMatch(/Спасибо за заказ!.*× 2/s);
    expect((await itemsMentioning(customer)).join()).toContain('ORDER#');
    expect(bitrix.requests.length).toBe(leadsBefore + 1);
    expect(JSON.stringify(bitrix.requests.at(-1)?.body)).toContain('"CURRENCY_ID":"KZT"');

    await say(customer, { type: 'location', location: { latitude: 51.12, longitude: 71.43, name: 'Дом' } });
    const [, showrooms] = await answers(customer, 2);
    expect(showrooms).toContain('ZETA Астана');
  });

  it('acknowledges a body for another business number and answers none of it', async () => {
    const customer = '77021000000';
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: CONTEXT.whatsappBusinessAccountId,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '77010000000', phone_number_id: '100000000000999' },
                contacts: [{ profile: { name: 'Дана' }, wa_id: customer }],
                messages: [
                  {
                    from: customer,
                    id: 'wamid.foreign-1',
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    type: 'text',
                    text: { body: 'диван' },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const response = await fetch(`${runtime.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, 'local-app-secret') },
      body,
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await itemsMentioning(customer)).toEqual([]);
  });

  it("sustains the campaign goal on the AWS side, so WhatsApp's per-number throughput is the first wall (npm run capacity)", async () => {
    const use = await measureMessageUse(runtime, { customers: 5, firstWaId: 77_022_000_000 });
    const settings = stackCapacitySettings({ Resources: stack.deployment.resources });
    const report = capacityReport(settings, use, { goal: CAPACITY_GOAL, turnDeadlineMs: DEFAULT_TURN_DEADLINE_MS });
    expect(
      report.firstAwsWall.messagesPerSecond,
      `${report.firstAwsWall.component}: ${report.firstAwsWall.because}`,
    ).toBeGreaterThanOrEqual(CAPACITY_GOAL);
    expect(report.firstWall.side).toBe('meta');
  });

  it('made no AWS call that a role policy denies', () => {
    expect(stack.authorizer.denied().map(describeDenial)).toEqual([]);
  });

  it('used every grant of every role: none is unneeded, and removing one fails a test above', () => {
    expect(unusedGrants(stack)).toEqual([]);
  });

  it('logs no phone number and no message text', () => {
    const logs = Object.values(stack.functions).flatMap((fn) => stack.functionLogs(fn.name));
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(line).not.toMatch(/7702100000\d|77017770000/);
      expect(line).not.toContain('Покажите серый диван');
    }
  });
});
