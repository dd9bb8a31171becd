import { S3Client } from '@aws-sdk/client-s3';
import type { Environment } from '../../config/environment';
import { meterS3Usage } from '../cost/s3Usage';

/** An S3 client whose requests are metered into the cost ledger; s3rver (S3_ENDPOINT) only understands path-style addressing. */
export function createS3Client(env: Pick<Environment, 'AWS_REGION' | 'S3_ENDPOINT'>): S3Client {
  const client = new S3Client({
    region: env.AWS_REGION,
    ...(env.S3_ENDPOINT === undefined ? {} : { endpoint: env.S3_ENDPOINT, forcePathStyle: true }),
  });
  meterS3Usage(client);
  return client;
}
