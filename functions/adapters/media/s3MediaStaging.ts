import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { stagedMediaPrefix, type MediaStaging, type StagedMedia } from '../../domain/media/mediaStaging';
import type { StagedMediaEraser } from '../../domain/privacy/customerErasure';

/** Staged media in the media bucket, whose lifecycle rule expires it within a day. */
export class S3MediaStaging implements MediaStaging, StagedMediaEraser {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, media: StagedMedia): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: media.bytes, ContentType: media.contentType }));
  }

  async get(key: string): Promise<StagedMedia | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (object.Body === undefined) return undefined;
      return { bytes: await object.Body.transformToByteArray(), contentType: object.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (isAbsent(error)) return undefined;
      throw error;
    }
  }

  /** Everything staged under the customer's prefix (voice/<ref>/), a page of up to 1,000 keys at a time. */
  async eraseCustomerMedia(customerRef: string): Promise<number> {
    let erased = 0;
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: `${stagedMediaPrefix(customerRef)}/`,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (keys.length > 0) {
        await this.s3.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys, Quiet: true } }));
        erased += keys.length;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return erased;
  }
}

/**
 * The consumer may list the staged prefix (s3:ListBucket), so S3 answers a
 * key that is not there with 404 NoSuchKey; an AccessDenied is a real
 * permission problem and must surface.
 */
function isAbsent(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound';
}
