import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBundledPricing } from '../../functions/adapters/cost/bundledPricing';
import { dataModules } from '../../lib/bundling/dataModules';
import { bundleLambda, coldStartOutputs, LAMBDA_ENTRIES, PROJECT_ROOT, type LambdaName } from '../../lib/lambdaBundling';

/**
 * What goes into each function's bundle, as the stack builds it
 * (lib/lambdaBundling.ts): the catalog is data in its store, not code;
 * templates and pricing are data validated at build; each function carries
 * only what it uses.
 */
const directory = mkdtempSync(join(tmpdir(), 'zeta-bundles-'));
const bundles = {} as Record<
  LambdaName,
  { inputs: string[]; atColdStart: string[]; coldStartBytes: number; code: string; metafile: Metafile }
>;

/** The modules of the outputs a cold start loads. */
function loadedAtColdStart(metafile: Metafile, handler: string): string[] {
  return coldStartOutputs(metafile, handler).flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {}));
}

beforeAll(async () => {
  for (const name of Object.keys(LAMBDA_ENTRIES) as LambdaName[]) {
    const bundle = await bundleLambda(name, join(directory, name));
    const handler = Object.keys(bundle.metafile.outputs).find((file) => file.endsWith(`${name}/index.mjs`))!;
    bundles[name] = {
      inputs: Object.values(bundle.metafile.outputs).flatMap((output) => Object.keys(output.inputs)),
      atColdStart: loadedAtColdStart(bundle.metafile, handler),
      coldStartBytes: coldStartOutputs(bundle.metafile, handler).reduce(
        (sum, file) => sum + (bundle.metafile.outputs[file]?.bytes ?? 0),
        0,
      ),
      code: readFileSync(bundle.file, 'utf8'),
      metafile: bundle.metafile,
    };
  }
}, 120_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

const including = (name: LambdaName, pattern: RegExp) => bundles[name].inputs.filter((input) => pattern.test(input));
const loadingAtColdStart = (name: LambdaName, pattern: RegExp) => bundles[name].atColdStart.filter((input) => pattern.test(input));

describe('the Lambda bundles', () => {
  it('carry no catalog, no YAML parser, no all-languages stemmer and no credential chain beyond the environment', () => {
    for (const name of Object.keys(LAMBDA_ENTRIES) as LambdaName[]) {
      expect(including(name, /data\/catalog\.json|node_modules\/(yaml|snowball-stemmers)\//), name).toEqual([]);
      expect(
        including(name, /@aws-sdk\/(credential-provider-(node|ini|sso|process|web-identity|http|login)|nested-clients)\//),
        name,
      ).toEqual([]);
    }
  });

  it('take the templates and the pricing as data validated at build: nothing parses them at a cold start', () => {
    for (const name of Object.keys(LAMBDA_ENTRIES) as LambdaName[]) {
      expect(bundles[name].code, name).not.toContain('ZETA_BUNDLED_DATA');
    }
    const validated = parseBundledPricing(JSON.parse(readFileSync(join(PROJECT_ROOT, 'data/pricing.json'), 'utf8')));
    expect(bundles.webhook.code).toContain(JSON.stringify(validated.version));
    expect(including('consumer', /templates\/message_templates\.yaml/)).toHaveLength(1);
  });

  it('give each function only what it uses: pictures without the search or the understanding, jobs without the conversation or the Scheduler client', () => {
    expect(including('catalogImages', /functions\/domain\/(understanding|dialogue|conversation|assistant)\/|catalogIndex|Stemmer/)).toEqual(
      [],
    );
    expect(
      including(
        'alertChecker',
        /functions\/domain\/(understanding|dialogue\/planTurn|conversation|assistant)\/|catalogIndex|Stemmer|node_modules\/(openai|@aws-sdk\/client-scheduler)\//,
      ),
    ).toEqual([]);
    expect(including('webhook', /functions\/domain\/catalog\/|functions\/adapters\/catalog\//)).toEqual([]);
    expect(including('consumer', /functions\/domain\/catalog\/catalogIndex\.ts/)).toHaveLength(1);
  });

  it('leave what a first request may not need to chunks loaded on first use: the model path, the S3 client, the pricing schema', () => {
    const onFirstUse =
      /node_modules\/(openai|@aws-sdk\/client-s3)\/|functions\/consumer\/buildModelPath|functions\/domain\/assistant\/shoppingToolbox/;
    for (const name of Object.keys(LAMBDA_ENTRIES) as LambdaName[]) {
      expect(loadingAtColdStart(name, onFirstUse), name).toEqual([]);
      expect(loadingAtColdStart(name, /functions\/domain\/cost\/pricingSchema/), name).toEqual([]);
    }
    expect(including('consumer', /node_modules\/openai\/client\.mjs/)).toHaveLength(1);
    expect(including('alertChecker', /node_modules\/@aws-sdk\/client-s3\//).length).toBeGreaterThan(0);
  });

  it('load no DynamoDB client at a cold start of the functions that book their cost through their logs as deployed', () => {
    const dynamo = /node_modules\/@aws-sdk\/(client-dynamodb|lib-dynamodb)\//;
    for (const name of ['webhook', 'catalogImages'] as const) {
      expect(loadingAtColdStart(name, dynamo), name).toEqual([]);
      // Still there, on first use, for the local runtime's ledger in the table.
      expect(including(name, dynamo).length, name).toBeGreaterThan(0);
    }
  });
});

describe('the webhook, which Meta waits for', () => {
  it('loads at most 300 KiB at a cold start, and the consumer at most 800 KiB (issue 19)', () => {
    expect(bundles.webhook.coldStartBytes).toBeLessThanOrEqual(300 * 1024);
    expect(bundles.consumer.coldStartBytes).toBeLessThanOrEqual(800 * 1024);
  });

  it("takes of each AWS SDK client's package.json only the version its user agent reads", () => {
    const inputs = Object.values(bundles.webhook.metafile.outputs).flatMap((output) => Object.entries(output.inputs));
    const packageFiles = inputs.filter(([path]) => /node_modules\/@aws-sdk\/[^/]+\/package\.json$/.test(path));
    expect(packageFiles.length).toBeGreaterThan(0);
    for (const [path, input] of packageFiles) expect(input.bytesInOutput, path).toBeLessThan(100);
    expect(bundles.webhook.code).toMatch(/version:"3\.\d+\.\d+"/);
  });

  it("loads no zod classic at a cold start: its schemas are zod/mini's, whose methods esbuild can drop", () => {
    expect(loadingAtColdStart('webhook', /node_modules\/zod\/v4\/classic\//)).toEqual([]);
    expect(loadingAtColdStart('webhook', /node_modules\/zod\/v4\/mini\//).length).toBeGreaterThan(0);
  });

  it('builds no schema at its cold start that only the consumer parses: the queued event, the inbound message, the template update', () => {
    expect(
      loadingAtColdStart(
        'webhook',
        /functions\/(contracts\/queuedEvent|domain\/whatsapp\/inboundMessage|domain\/messaging\/templateUpdate)\.ts/,
      ),
    ).toEqual([]);
  });
});

describe('data validated at build', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'zeta-data-modules-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const bundle = (file: string, content: string) => {
    writeFileSync(join(scratch, file), content);
    writeFileSync(join(scratch, 'entry.js'), `import data from './${file}'; console.log(data);`);
    return build({
      entryPoints: [join(scratch, 'entry.js')],
      bundle: true,
      write: false,
      logLevel: 'silent',
      plugins: [
        dataModules(scratch, {
          'prices.json': (raw) => {
            if (typeof (raw as { usd?: unknown }).usd !== 'number') throw new Error('usd: expected a number');
            return { ...(raw as object), checked: true };
          },
        }),
      ],
    });
  };

  it('fails the build, naming the file and the problem, when a file is invalid', async () => {
    await expect(bundle('prices.json', '{"usd": "12"}')).rejects.toThrow(/prices\.json is invalid: usd: expected a number/);
  });

  it('bundles the validated value, and YAML as the data it holds', async () => {
    const prices = await bundle('prices.json', '{"usd": 12}');
    expect(prices.outputFiles[0]?.text).toMatch(/checked: true/);
    const yaml = await bundle('list.yaml', '- name: a\n  value: 1\n');
    expect(yaml.outputFiles[0]?.text).toMatch(/name: "a",\s*value: 1/);
  });
});
