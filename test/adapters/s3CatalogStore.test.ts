import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rawCatalog from '../../data/catalog.json' with { type: 'json' };
import { S3CatalogStore } from '../../functions/adapters/catalog/s3CatalogStore';
import { StoredCatalog } from '../../functions/adapters/catalog/storedCatalog';
import { StoredProductList } from '../../functions/adapters/catalog/storedProductList';
import { createS3Client } from '../../functions/adapters/s3/s3Client';
import { buildCatalogDocument } from '../../functions/domain/catalog/buildCatalogDocument';
import { startS3, type LocalS3 } from '../../local/s3Server';

/**
 * The deployed catalog object read from S3 (s3rver) as the functions read it:
 * once, at first use; then, after CATALOG_CACHE_SECONDS, with If-None-Match,
 * which S3 answers 304 until a deploy replaces the object.
 */
const BUCKET = 'catalog-test';
const KEY = 'catalog.json';
let s3: LocalS3;
let client: S3Client;
let gets: Array<{ ifNoneMatch: string | undefined; status: number | undefined }>;

const document = buildCatalogDocument(rawCatalog, 'data/catalog.json');
const publish = (body: unknown) => client.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: JSON.stringify(body) }));

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  s3 = await startS3({ buckets: [BUCKET] });
  client = createS3Client({ AWS_REGION: 'us-east-1', S3_ENDPOINT: s3.endpoint });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { IfNoneMatch?: string };
      try {
        const result = await next(args);
        if (context.commandName === 'GetObjectCommand') gets.push({ ifNoneMatch: input.IfNoneMatch, status: 200 });
        return result;
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (context.commandName === 'GetObjectCommand') gets.push({ ifNoneMatch: input.IfNoneMatch, status });
        throw error;
      }
    },
    { step: 'initialize', name: 'recordGets' },
  );
  await publish(document);
});

afterAll(async () => {
  client?.destroy();
  await s3?.close();
});

describe('the catalog object in S3 (CATALOG_BUCKET, CATALOG_KEY)', () => {
  it('is read at the first use, searched with its build-time terms, then re-checked with If-None-Match after the cache time', async () => {
    gets = [];
    let now = 0;
    const catalog = new StoredCatalog(new S3CatalogStore(client, { bucket: BUCKET, key: KEY }), { cacheSeconds: 60, now: () => now });
    expect(gets).toEqual([]);
    const [sofa] = await catalog.search({ category: 'sofa', limit: 1 });
    expect(sofa?.product.category).toBe('sofa');
    await catalog.get('SOF-001');
    expect(gets).toEqual([{ ifNoneMatch: undefined, status: 200 }]);

    now += 61_000;
    expect(await catalog.get('SOF-001')).toEqual(document.products.find((product) => product.id === 'SOF-001'));
    expect(gets).toEqual([
      { ifNoneMatch: undefined, status: 200 },
      { ifNoneMatch: expect.stringMatching(/^".+"$/), status: 304 },
    ]);
  });

  it('sees a newly deployed catalog at the next check, and the price check sees it at once (fresh)', async () => {
    let now = 0;
    const store = new S3CatalogStore(client, { bucket: BUCKET, key: KEY });
    const products = new StoredProductList(store, { cacheSeconds: 300, now: () => now });
    const before = await products.get('SOF-001');
    const repriced = {
      ...document,
      products: document.products.map((product) => (product.id === 'SOF-001' ? { ...product, price: 1_000 } : product)),
    };
    await publish(repriced);
    expect(await products.get('SOF-001')).toEqual(before);
    expect((await products.allProducts({ fresh: true })).find((product) => product.id === 'SOF-001')?.price).toBe(1_000);
    now += 301_000;
    expect((await products.get('SOF-001'))?.price).toBe(1_000);
    await publish(document);
  });

  it('keeps serving the last good copy when a check fails, and fails clearly with none', async () => {
    let now = 0;
    const catalog = new StoredProductList(new S3CatalogStore(client, { bucket: BUCKET, key: KEY }), { cacheSeconds: 1, now: () => now });
    const product = await catalog.get('SOF-001');
    await publish({ not: 'a catalog' });
    now += 5_000;
    expect(await catalog.get('SOF-001')).toEqual(product);
    const missing = new StoredProductList(new S3CatalogStore(client, { bucket: BUCKET, key: 'missing.json' }), { cacheSeconds: 1 });
    await expect(missing.get('SOF-001')).rejects.toMatchObject({ name: 'NoSuchKey' });
    await publish(document);
  });
});
