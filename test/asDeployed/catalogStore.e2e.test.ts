import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogDocument } from '../../functions/domain/catalog/buildCatalogDocument';
import { CATALOG_FILE } from '../../lib/constructs/catalogStore';
import { PROJECT_ROOT } from '../../lib/lambdaBundling';
import { synthesizeAssembly } from '../../lib/synthesizeAssembly';
import type { AsDeployedStack } from '../../local/asDeployed/asDeployedStack';
import { describeDenial } from '../../local/asDeployed/iamAuthorizer';
import { startLocalRuntime, type LocalRuntime } from '../../local/localRuntime';
import { sendAsCustomer, waitForChat, type ChatLine } from '../support/runningZeta';
import { unusedGrants } from './grantCoverage';

/**
 * The default deployment, without a store API: the catalog is the object the
 * stack deploys to its catalog bucket (CDK's BucketDeployment, run here as
 * CloudFormation would before the functions start), and the consumer, the
 * alert checker and the catalog pictures each read it with their own role, at
 * their first use. The suite in asDeployed.e2e.test.ts runs the other
 * deployment, with `-c apiUrl`.
 */
const CONTEXT = { stage: 'ci-catalog', catalogCacheSeconds: '1' };

let assembly: string;
let runtime: LocalRuntime;
let stack: AsDeployedStack;

beforeAll(async () => {
  assembly = mkdtempSync(join(tmpdir(), 'zeta-as-deployed-catalog-'));
  synthesizeAssembly(assembly, CONTEXT);
  runtime = await startLocalRuntime({ port: 0, inMemory: true, asDeployed: { assemblyDirectory: assembly } });
  stack = runtime.asDeployed as AsDeployedStack;
}, 240_000);

afterAll(async () => {
  await runtime?.stop();
  if (assembly) rmSync(assembly, { recursive: true, force: true });
});

const say = (from: string, message: Record<string, unknown>): Promise<string> =>
  sendAsCustomer(runtime.url, { from, name: 'Дана', ...message });

async function post(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${runtime.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const outbound = (lines: ChatLine[]) => lines.filter((line) => line.direction === 'out').map((line) => JSON.stringify(line.payload));
const answers = async (waId: string, count: number) =>
  outbound(await waitForChat(runtime.url, waId, (lines) => outbound(lines).length >= count, 30_000));
const catalogReads = (caller: string) =>
  stack.authorizer
    .calls()
    .filter((call) => call.caller === caller && call.action === 's3:GetObject' && call.resource.endsWith('/catalog.json'));

describe('as deployed without a store API: the catalog read from the object the stack deploys', () => {
  it('has the catalog object in its bucket before the functions start, put there by the deployment with its own role', async () => {
    const { CATALOG_BUCKET: bucket, CATALOG_KEY: key } = stack.functions.consumer.environment;
    const s3 = new S3Client(stack.clientConfig('s3'));
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const expected = buildCatalogDocument(JSON.parse(readFileSync(join(PROJECT_ROOT, CATALOG_FILE), 'utf8')), CATALOG_FILE);
    expect(JSON.parse((await object.Body?.transformToString()) ?? '')).toEqual(JSON.parse(JSON.stringify(expected)));
    s3.destroy();
    const deployment = stack.authorizer.calls().filter((call) => call.caller.endsWith('(deploy time)'));
    expect(deployment.map((call) => `${call.action} ${call.decision}`)).toEqual(
      expect.arrayContaining(['s3:GetObject Allowed', 's3:PutObject Allowed', 's3:ListBucket Allowed']),
    );
    for (const fn of Object.values(stack.functions)) {
      expect(catalogReads(fn.name), `${fn.name} read the catalog before its first use`).toEqual([]);
    }
  });

  it("answers a customer's first message from the catalog the consumer reads at that message", async () => {
    await say('77031000001', { type: 'text', text: { body: 'серый диван до 300 тысяч' } });
    const [reply] = await answers('77031000001', 1);
    expect(reply).toContain('product:SOF-');
    expect(catalogReads('consumer').length).toBeGreaterThan(0);
  });

  it('draws a product picture from the catalog the catalog-images function reads with its role', async () => {
    const picture = await fetch(`${runtime.url}/catalog/images/SOF-003.png`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(catalogReads('catalogImages').length).toBeGreaterThan(0);
    expect((await fetch(`${runtime.url}/catalog/images/NOPE-1.png`)).status).toBe(404);
  });

  it('publishes a price change as a new catalog object: the daily check reads it fresh, the consumer at its next check', async () => {
    const customer = '77031000002';
    await say(customer, {
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'watch:SOF-003', title: '🔔 Следить за ценой' } },
    });
    await answers(customer, 1);
    await post('/sim/api/catalog/prices', { 'SOF-003': 99_990 });
    const run = (await post('/sim/api/jobs/alert-checker')) as { report: { products: number; fired: number; failed: number } };
    expect(run.report).toMatchObject({ products: 510, fired: 1, failed: 0 });
    const [, notification] = await answers(customer, 2);
    expect(notification).toContain('99\u00a0990\u00a0₸');
    expect(catalogReads('alertChecker').length).toBeGreaterThan(0);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await say(customer, {
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'product:SOF-003', title: 'Диван' } },
    });
    const [, , card] = await answers(customer, 3);
    expect(card).toContain('99\u00a0990\u00a0₸');
  });

  it("denies no call, and each function's one catalog grant allowed its reads", () => {
    expect(stack.authorizer.denied().map(describeDenial)).toEqual([]);
    // The statements that name the catalog object, as grantCoverage.ts names them: `<role> <policy>#<statement>`.
    const catalogStatements = Object.values(stack.functions).flatMap((fn) =>
      fn.role.policies.flatMap(({ name, policy }) =>
        policy.Statement.flatMap((statement, index) =>
          JSON.stringify(statement.Resource).includes('/catalog.json')
            ? [`${fn.role.logicalId} ${name}#${statement.Sid ?? index + 1}`]
            : [],
        ),
      ),
    );
    expect(catalogStatements).toHaveLength(3);
    const unusedCatalogGrants = unusedGrants(stack).filter((grant) =>
      catalogStatements.some((statement) => grant.startsWith(`${statement} `)),
    );
    expect(unusedCatalogGrants).toEqual([]);
  });
});
