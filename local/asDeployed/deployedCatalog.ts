import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3CatalogStore, type CatalogObject } from '../../functions/adapters/catalog/s3CatalogStore';
import { buildCatalogDocument } from '../../functions/domain/catalog/buildCatalogDocument';
import { InMemoryCatalog } from '../../functions/domain/catalog/inMemoryCatalog';
import type { Product } from '../../functions/domain/catalog/product';
import type { EditablePrices } from '../runtimeFunctions';
import type { AsDeployedStack } from './asDeployedStack';

/**
 * The catalog object as deployed, seen and edited by the store's staff (the
 * operator's credentials): the simulator shows it, and a price change
 * publishes a new object, as re-running the deployment with an edited
 * data/catalog.json would. The functions see it when their cached copy is
 * next checked (CATALOG_CACHE_SECONDS; the daily price check reads it fresh).
 */
export class DeployedCatalog implements EditablePrices {
  private constructor(
    private readonly s3: S3Client,
    private readonly object: CatalogObject,
    readonly catalog: InMemoryCatalog,
  ) {}

  static async open(stack: AsDeployedStack, object: CatalogObject): Promise<DeployedCatalog> {
    const s3 = new S3Client(stack.clientConfig('s3'));
    const read = await new S3CatalogStore(s3, object).read();
    if (read === undefined) throw new Error(`s3://${object.bucket}/${object.key} could not be read`);
    return new DeployedCatalog(s3, object, new InMemoryCatalog(read.products, read.terms));
  }

  get(productId: string): Promise<Product | undefined> {
    return this.catalog.get(productId);
  }

  async replacePrices(prices: Record<string, number>): Promise<void> {
    this.catalog.replacePrices(prices);
    const document = buildCatalogDocument(this.catalog.all(), `s3://${this.object.bucket}/${this.object.key}`);
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.object.bucket,
        Key: this.object.key,
        Body: JSON.stringify(document),
        ContentType: 'application/json',
      }),
    );
  }
}
