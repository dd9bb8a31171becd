import type { Logger } from '@aws-lambda-powertools/logger';
import { ConfigurationError, type Environment } from '../../config/environment';
import { lazyCatalogStore, type CatalogStore } from './catalogStore';
import { ProductApiStore } from './productApiStore';

export type CatalogEnvironment = Pick<
  Environment,
  'API_URL' | 'CATALOG_BUCKET' | 'CATALOG_KEY' | 'CATALOG_CACHE_SECONDS' | 'AWS_REGION' | 'S3_ENDPOINT'
>;

/**
 * Where a function reads the catalog: the store's API when API_URL is set,
 * otherwise the object the stack deployed to the catalog bucket. The S3
 * client is loaded at the first read. Neither is set only on one machine,
 * where the local runtime passes its embedded catalog to the composition roots.
 */
export function catalogStoreFromEnvironment(env: CatalogEnvironment, logger: Pick<Logger, 'warn'>): CatalogStore {
  if (env.API_URL !== undefined) {
    return new ProductApiStore({
      baseUrl: env.API_URL,
      onInvalidProduct: (issue) => logger.warn('invalid product in the product API', issue),
    });
  }
  const { CATALOG_BUCKET: bucket, CATALOG_KEY: key } = env;
  if (bucket === undefined || key === undefined) {
    throw new ConfigurationError('no catalog: API_URL, or CATALOG_BUCKET and CATALOG_KEY (the stack sets them), is required');
  }
  return lazyCatalogStore(`s3://${bucket}/${key}`, async () => {
    const [{ S3CatalogStore }, { createS3Client }] = await Promise.all([import('./s3CatalogStore'), import('../s3/s3Client')]);
    return new S3CatalogStore(createS3Client(env), { bucket, key });
  });
}
