import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface LocalS3 {
  endpoint: string;
  close(): Promise<void>;
}

/** s3rver on loopback with the media bucket; path-style addressing (`forcePathStyle`) is required by clients. */
export async function startS3(options: { directory?: string; buckets: string[]; port?: number }): Promise<LocalS3> {
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'zeta-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  };
}
