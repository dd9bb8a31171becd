/**
 * What an AWS API request asks IAM for: the actions, resources and request
 * context keys AWS evaluates against the caller's policies, decoded from the
 * request as it arrives over the wire (SigV4 headers, the protocol's body), so
 * every call is seen whichever client or library made it.
 */

export type ContextValue = string | string[];

export interface RequestedAction {
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
}

export interface DecodedAwsCall {
  service: AwsService;
  operation: string;
  actions: RequestedAction[];
}

export const AWS_SERVICES = ['dynamodb', 's3', 'sqs', 'scheduler', 'secretsmanager'] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

export interface RawAwsRequest {
  method: string;
  /** The path below the service's endpoint (its mount point removed) and the query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface DecodingContext {
  region: string;
  accountId: string;
  /** The partition key attribute of a table, for dynamodb:LeadingKeys. */
  partitionKeyOf(tableName: string): string | undefined;
  /** A SecretId (name, ARN or partial ARN) as the ARN IAM evaluates. */
  secretArnOf(secretId: string): string;
}

export class UndecodableAwsRequestError extends Error {
  override readonly name = 'UndecodableAwsRequestError';
}

type AttributeValue = { S?: string; N?: string; B?: string };
type Decoder = (request: RawAwsRequest, context: DecodingContext) => DecodedAwsCall;

function jsonBody(request: RawAwsRequest): Record<string, unknown> {
  const text = request.body.toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

function target(request: RawAwsRequest, prefix: string): string {
  const value = String(request.headers['x-amz-target'] ?? '');
  if (!value.startsWith(prefix)) throw new UndecodableAwsRequestError(`X-Amz-Target ${value || '(none)'} is not ${prefix}<Operation>`);
  return value.slice(prefix.length);
}

function scalar(value: AttributeValue | undefined): string | undefined {
  return value?.S ?? value?.N ?? value?.B;
}

/** The partition key value of a Query's key condition (`#pk = :pk`), resolved through the expression's names and values. */
function queriedPartitionKey(input: Record<string, unknown>, partitionKey: string): string | undefined {
  const expression = String(input.KeyConditionExpression ?? '');
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
  for (const [, name = '', placeholder = ''] of expression.matchAll(/([#\w.]+)\s*=\s*(:\w+)/g)) {
    if ((names[name] ?? name) === partitionKey) return scalar(values[placeholder]);
  }
  return undefined;
}

const dynamodb: Decoder = (request, context) => {
  const operation = target(request, 'DynamoDB_20120810.');
  const input = jsonBody(request);
  const tableArn = (table: string, index?: string) =>
    `arn:aws:dynamodb:${context.region}:${context.accountId}:table/${table}${index ? `/index/${index}` : ''}`;
  const leadingKeys = (table: string, items: Array<Record<string, AttributeValue> | undefined>): Record<string, ContextValue> => {
    const key = context.partitionKeyOf(table);
    const values = items.flatMap((item) => {
      const value = key === undefined ? undefined : scalar(item?.[key]);
      return value === undefined ? [] : [value];
    });
    return values.length > 0 ? { 'dynamodb:LeadingKeys': [...new Set(values)] } : {};
  };
  const action = (table: string, leading: Record<string, ContextValue> = {}, index?: string): RequestedAction => ({
    action: `dynamodb:${operation}`,
    resource: tableArn(table, index),
    context: leading,
  });
  const table = String(input.TableName ?? '');
  const requested: RequestedAction[] = (() => {
    switch (operation) {
      case 'GetItem':
      case 'DeleteItem':
      case 'UpdateItem':
        return [action(table, leadingKeys(table, [input.Key as Record<string, AttributeValue>]))];
      case 'PutItem':
        return [action(table, leadingKeys(table, [input.Item as Record<string, AttributeValue>]))];
      case 'Query': {
        const index = input.IndexName === undefined ? undefined : String(input.IndexName);
        const key = index === undefined ? context.partitionKeyOf(table) : undefined;
        const value = key === undefined ? undefined : queriedPartitionKey(input, key);
        return [action(table, value === undefined ? {} : { 'dynamodb:LeadingKeys': [value] }, index)];
      }
      case 'Scan':
        return [action(table, {}, input.IndexName === undefined ? undefined : String(input.IndexName))];
      case 'BatchWriteItem':
        return Object.entries(input.RequestItems as Record<string, Array<Record<string, { Item?: unknown; Key?: unknown }>>>).map(
          ([name, writes]) =>
            action(
              name,
              leadingKeys(
                name,
                writes.map((write) => (write.PutRequest?.Item ?? write.DeleteRequest?.Key) as Record<string, AttributeValue> | undefined),
              ),
            ),
        );
      case 'BatchGetItem':
        return Object.entries(input.RequestItems as Record<string, { Keys: Array<Record<string, AttributeValue>> }>).map(([name, get]) =>
          action(name, leadingKeys(name, get.Keys)),
        );
      case 'DescribeTable':
      case 'CreateTable':
      case 'DeleteTable':
      case 'UpdateTable':
        return [action(table)];
      default:
        throw new UndecodableAwsRequestError(`DynamoDB ${operation} is not decoded locally`);
    }
  })();
  return { service: 'dynamodb', operation, actions: requested };
};

const s3: Decoder = (request) => {
  const [, bucket = '', ...keyParts] = request.path.split('/');
  const key = keyParts.map(decodeURIComponent).join('/');
  const bucketArn = `arn:aws:s3:::${bucket}`;
  const object = (action: string, objectKey = key): RequestedAction => ({ action, resource: `${bucketArn}/${objectKey}`, context: {} });
  const method = request.method.toUpperCase();
  const call = (operation: string, actions: RequestedAction[]): DecodedAwsCall => ({ service: 's3', operation, actions });
  if (bucket === '') throw new UndecodableAwsRequestError('S3 request without a bucket (path-style addressing is expected)');
  if (key === '') {
    if (method === 'POST' && request.query.has('delete')) {
      const keys = [...request.body.toString('utf8').matchAll(/<Key>([^<]*)<\/Key>/g)].map(([, found = '']) => unescapeXml(found));
      return call(
        'DeleteObjects',
        keys.map((deleted) => object('s3:DeleteObject', deleted)),
      );
    }
    if ((method === 'GET' || method === 'HEAD') && request.query.has('location')) {
      return call('GetBucketLocation', [{ action: 's3:GetBucketLocation', resource: bucketArn, context: {} }]);
    }
    if (method === 'GET') {
      return call(request.query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects', [
        { action: 's3:ListBucket', resource: bucketArn, context: { 's3:prefix': request.query.get('prefix') ?? '' } },
      ]);
    }
    if (method === 'HEAD') return call('HeadBucket', [{ action: 's3:ListBucket', resource: bucketArn, context: {} }]);
    throw new UndecodableAwsRequestError(`S3 ${method} on bucket ${bucket} is not decoded locally`);
  }
  if (request.query.has('uploads') || request.query.has('partNumber') || (method === 'POST' && request.query.has('uploadId'))) {
    return call('MultipartUpload', [object('s3:PutObject')]);
  }
  if (method === 'DELETE' && request.query.has('uploadId')) return call('AbortMultipartUpload', [object('s3:AbortMultipartUpload')]);
  if (method === 'GET') return call('GetObject', [object('s3:GetObject')]);
  if (method === 'HEAD') return call('HeadObject', [object('s3:GetObject')]);
  if (method === 'DELETE') return call('DeleteObject', [object('s3:DeleteObject')]);
  if (method === 'PUT') {
    const source = request.headers['x-amz-copy-source'];
    if (source === undefined) return call('PutObject', [object('s3:PutObject')]);
    const copied = decodeURIComponent(String(source)).replace(/^\//, '');
    return call('CopyObject', [object('s3:PutObject'), { action: 's3:GetObject', resource: `arn:aws:s3:::${copied}`, context: {} }]);
  }
  throw new UndecodableAwsRequestError(`S3 ${method} ${request.path} is not decoded locally`);
};

function unescapeXml(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

/** SQS operations and the IAM action each needs (batch operations use the single one). */
const SQS_ACTIONS: Record<string, string> = {
  SendMessage: 'sqs:SendMessage',
  SendMessageBatch: 'sqs:SendMessage',
  ReceiveMessage: 'sqs:ReceiveMessage',
  DeleteMessage: 'sqs:DeleteMessage',
  DeleteMessageBatch: 'sqs:DeleteMessage',
  ChangeMessageVisibility: 'sqs:ChangeMessageVisibility',
  ChangeMessageVisibilityBatch: 'sqs:ChangeMessageVisibility',
  GetQueueAttributes: 'sqs:GetQueueAttributes',
  GetQueueUrl: 'sqs:GetQueueUrl',
  PurgeQueue: 'sqs:PurgeQueue',
};

const sqs: Decoder = (request, context) => {
  const operation = target(request, 'AmazonSQS.');
  const action = SQS_ACTIONS[operation];
  if (action === undefined) throw new UndecodableAwsRequestError(`SQS ${operation} is not decoded locally`);
  const input = jsonBody(request);
  const queueName =
    typeof input.QueueUrl === 'string' ? (new URL(input.QueueUrl).pathname.split('/').pop() ?? '') : String(input.QueueName ?? '');
  return {
    service: 'sqs',
    operation,
    actions: [{ action, resource: `arn:aws:sqs:${context.region}:${context.accountId}:${queueName}`, context: {} }],
  };
};

const SCHEDULE_OPERATIONS: Record<string, string> = {
  POST: 'CreateSchedule',
  PUT: 'UpdateSchedule',
  GET: 'GetSchedule',
  DELETE: 'DeleteSchedule',
};

const scheduler: Decoder = (request, context) => {
  const match = /^\/schedules\/([^/]+)$/.exec(request.path);
  const operation = match === null ? undefined : SCHEDULE_OPERATIONS[request.method.toUpperCase()];
  if (match === null || operation === undefined) {
    throw new UndecodableAwsRequestError(`Scheduler ${request.method} ${request.path} is not decoded locally`);
  }
  const input = jsonBody(request) as { GroupName?: string; Target?: { RoleArn?: string } };
  const name = decodeURIComponent(match[1] ?? '');
  const group = input.GroupName ?? request.query.get('groupName') ?? 'default';
  const actions: RequestedAction[] = [
    {
      action: `scheduler:${operation}`,
      resource: `arn:aws:scheduler:${context.region}:${context.accountId}:schedule/${group}/${name}`,
      context: {},
    },
  ];
  // Creating or updating a schedule hands its target role to EventBridge Scheduler.
  if (input.Target?.RoleArn !== undefined) {
    actions.push({ action: 'iam:PassRole', resource: input.Target.RoleArn, context: { 'iam:PassedToService': 'scheduler.amazonaws.com' } });
  }
  return { service: 'scheduler', operation, actions };
};

const secretsmanager: Decoder = (request, context) => {
  const operation = target(request, 'secretsmanager.');
  const input = jsonBody(request);
  return {
    service: 'secretsmanager',
    operation,
    actions: [{ action: `secretsmanager:${operation}`, resource: context.secretArnOf(String(input.SecretId ?? '')), context: {} }],
  };
};

const DECODERS = { dynamodb, s3, sqs, scheduler, secretsmanager } satisfies Record<AwsService, Decoder>;

export function decodeAwsRequest(service: AwsService, request: RawAwsRequest, context: DecodingContext): DecodedAwsCall {
  return DECODERS[service](request, context);
}

/**
 * The SigV4 credential scope names the service a request is for
 * (`Credential=<key>/<date>/<region>/<service>/aws4_request`), and the
 * session token names the caller: both arrive with every SDK request.
 */
export function signedScope(headers: RawAwsRequest['headers']): { service: string; accessKeyId: string; sessionToken: string | undefined } {
  const authorization = String(headers.authorization ?? '');
  const match = /Credential=([^/]+)\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(authorization);
  if (match === null) throw new UndecodableAwsRequestError('the request is not signed with SigV4');
  const token = headers['x-amz-security-token'];
  return { accessKeyId: match[1] ?? '', service: match[2] ?? '', sessionToken: token === undefined ? undefined : String(token) };
}
