/** The account that local queue URLs and ARNs name, as LocalStack and the AWS docs do. */
export const LOCAL_ACCOUNT_ID = '000000000000';

export interface QueueArnParts {
  readonly region: string;
  readonly accountId: string;
  readonly queueName: string;
}

/** `<origin><pathPrefix>/<account>/<name>`, the shape of a real queue URL under the local SQS endpoint. */
export function queueUrl(origin: string, pathPrefix: string, queueName: string, accountId: string = LOCAL_ACCOUNT_ID): string {
  return `${origin}${pathPrefix}/${accountId}/${queueName}`;
}

/** Reads the account and queue name from the last two path segments; the host is not checked. */
export function parseQueueUrl(url: string): { accountId: string; queueName: string } | undefined {
  if (!URL.canParse(url)) return undefined;
  const segments = new URL(url).pathname.split('/').filter((segment) => segment !== '');
  const queueName = segments.at(-1);
  const accountId = segments.at(-2);
  if (queueName === undefined || accountId === undefined) return undefined;
  return { accountId, queueName };
}

export function queueArn({ region, accountId, queueName }: QueueArnParts): string {
  return `arn:aws:sqs:${region}:${accountId}:${queueName}`;
}

export function parseQueueArn(arn: string): QueueArnParts | undefined {
  const match = /^arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_.-]+)$/.exec(arn);
  if (match === null) return undefined;
  const [, region, accountId, queueName] = match;
  if (region === undefined || accountId === undefined || queueName === undefined) return undefined;
  return { region, accountId, queueName };
}
