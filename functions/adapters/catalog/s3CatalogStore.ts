import { GetObjectCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import { readCatalogDocument } from '../../domain/catalog/catalogDocument';
import type { CatalogRead, CatalogStore } from './catalogStore';

export interface CatalogObject {
  bucket: string;
  key: string;
}

/**
 * The catalog object the stack deploys (CATALOG_BUCKET, CATALOG_KEY): one
 * GetObject per cold start, then conditional ones (If-None-Match) that S3
 * answers 304 until a deploy replaces the object — the only S3 action the
 * functions' roles have on the catalog bucket.
 */
export class S3CatalogStore implements CatalogStore {
  readonly location: string;

  constructor(
    private readonly s3: S3Client,
    private readonly object: CatalogObject,
  ) {
    this.location = `s3://${object.bucket}/${object.key}`;
  }

  async read(knownVersion?: string): Promise<CatalogRead | undefined> {
    try {
      const response = await this.s3.send(
        new GetObjectCommand({ Bucket: this.object.bucket, Key: this.object.key, ...(knownVersion ? { IfNoneMatch: knownVersion } : {}) }),
      );
      const text = (await response.Body?.transformToString('utf8')) ?? '';
      return { ...readCatalogDocument(JSON.parse(text), this.location), ...(response.ETag ? { version: response.ETag } : {}) };
    } catch (error) {
      if (knownVersion !== undefined && error instanceof S3ServiceException && error.$metadata.httpStatusCode === 304) return undefined;
      throw error;
    }
  }
}
