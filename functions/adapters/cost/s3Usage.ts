import type { S3Client } from '@aws-sdk/client-s3';
import { currentMeter } from '../../observability/usageMeterContext';

/** S3's request classes: PUT, COPY, POST and LIST requests cost about twelve GETs; DELETE is free. */
const PUT_CLASS = /^(Put|Copy|Post|List|CreateMultipartUpload|UploadPart|CompleteMultipartUpload)/;
const FREE = /^(Delete|AbortMultipartUpload)/;

/** Meters the S3 requests the client makes, failed ones too: S3 bills a 403 or 404 GET like any other. */
export function meterS3Usage(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      try {
        return await next(args);
      } finally {
        if (!FREE.test(command)) {
          const put = PUT_CLASS.test(command);
          currentMeter()?.record({ kind: 's3', puts: put ? 1 : 0, gets: put ? 0 : 1 });
        }
      }
    },
    { step: 'initialize', name: 'zetaS3Usage', override: true },
  );
}
