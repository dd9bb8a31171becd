import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3MediaStaging } from '../../functions/adapters/media/s3MediaStaging';
import { AwsFrontDoor } from '../../local/asDeployed/awsFrontDoor';
import { describeDenial, IamAuthorizer, type CallerPrincipal } from '../../local/asDeployed/iamAuthorizer';
import type { DeployedRole, PolicyStatement } from '../../local/asDeployed/localDeployment';
import { startS3, type LocalS3 } from '../../local/s3Server';
import { startTestTable, type TestTable } from '../support/localDynamo';

/**
 * The front door that the as-deployed functions' SDK clients go through:
 * real SDK requests, decoded from the wire and evaluated with a real IAM
 * evaluator against a role's statements. The roles here are the consumer's
 * and the webhook's grants before and after the fixes of issue 14.
 */

const REGION = 'eu-central-1';
const ACCOUNT = '123456789012';
const BUCKET = 'zeta-media-test';
const TABLE = 'zeta-test';
const TABLE_ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${TABLE}`;

const role = (name: string, statements: PolicyStatement[]): DeployedRole => ({
  logicalId: name,
  name,
  arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
  policies: [{ name: `${name}Policy`, policy: { Version: '2012-10-17', Statement: statements } }],
});

/** The consumer's S3 grant as it was: objects only, get and put only. */
const consumerBefore = role('ConsumerBefore', [
  { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::${BUCKET}/*` },
]);
/** As the stack grants it now (lib/constructs/pipeline.ts). */
const consumerAfter = role('ConsumerAfter', [
  { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: `arn:aws:s3:::${BUCKET}/voice/*` },
  { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${BUCKET}`, Condition: { StringLike: { 's3:prefix': ['voice/*'] } } },
  {
    Effect: 'Allow',
    Action: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule'],
    Resource: `arn:aws:scheduler:${REGION}:${ACCOUNT}:schedule/followups/*`,
  },
]);
/** The webhook may write cost-ledger rows, and no other item. */
const webhook = role('Webhook', [
  {
    Effect: 'Allow',
    Action: 'dynamodb:PutItem',
    Resource: TABLE_ARN,
    Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LEDGER#*'] } },
  },
]);

let table: TestTable;
let s3: LocalS3;
let frontDoor: AwsFrontDoor;
let authorizer: IamAuthorizer;

function clientsOf(name: string, roleOf: DeployedRole) {
  const keys = frontDoor.credentialsFor({ kind: 'role', caller: name, role: roleOf } satisfies CallerPrincipal);
  const credentials = {
    accessKeyId: keys.AWS_ACCESS_KEY_ID,
    secretAccessKey: keys.AWS_SECRET_ACCESS_KEY,
    sessionToken: keys.AWS_SESSION_TOKEN,
  };
  return {
    s3: new S3Client({ region: REGION, credentials, endpoint: frontDoor.endpointOf('s3'), forcePathStyle: true }),
    dynamo: DynamoDBDocumentClient.from(new DynamoDBClient({ region: REGION, credentials, endpoint: frontDoor.endpointOf('dynamodb') })),
    scheduler: new SchedulerClient({ region: REGION, credentials, endpoint: frontDoor.endpointOf('scheduler') }),
  };
}

beforeAll(async () => {
  [table, s3] = await Promise.all([startTestTable(TABLE), startS3({ buckets: [BUCKET] })]);
  frontDoor = new AwsFrontDoor();
  await frontDoor.start();
  authorizer = new IamAuthorizer({ region: REGION, accountId: ACCOUNT }, { resourcePolicyFor: () => undefined });
  frontDoor.configure({
    upstreams: {
      dynamodb: { origin: table.endpoint, mount: '' },
      s3: { origin: s3.endpoint, mount: '' },
      // Nothing serves these here: what is allowed is forwarded and fails to connect, which the tests do not reach.
      sqs: { origin: 'http://127.0.0.1:9', mount: '/sqs' },
      scheduler: { origin: 'http://127.0.0.1:9', mount: '/scheduler' },
      secretsmanager: { origin: 'http://127.0.0.1:9', mount: '/secretsmanager' },
    },
    authorizer,
    decoding: { region: REGION, accountId: ACCOUNT, partitionKeyOf: () => 'pk', secretArnOf: (id) => id },
  });
}, 60_000);

afterAll(async () => {
  await frontDoor?.stop();
  await Promise.all([table?.close(), s3?.close()]);
});

async function stageNote(client: S3Client, customer: string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `voice/${customer}/wamid.1.ogg`, Body: 'OggS' }));
}

describe('the AWS front door of the as-deployed mode', () => {
  it("refuses the erasure of staged media under the consumer's old grant, naming the function, action and resource", async () => {
    const { s3: client } = clientsOf('consumer', consumerBefore);
    await stageNote(client, 'ref-before');
    await expect(new S3MediaStaging(client, BUCKET).eraseCustomerMedia('ref-before')).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(authorizer.denied().map(describeDenial)).toContain(
      `consumer is not authorized to perform s3:ListBucket on arn:aws:s3:::${BUCKET} (ListObjectsV2, ImplicitlyDenied)`,
    );
  });

  it('lets the erasure list and delete the staged prefix under the grant the stack gives now', async () => {
    const { s3: client } = clientsOf('consumer', consumerAfter);
    await stageNote(client, 'ref-after');
    expect(await new S3MediaStaging(client, BUCKET).eraseCustomerMedia('ref-after')).toBe(1);
    const decided = authorizer.calls().filter((call) => call.role === 'ConsumerAfter');
    expect(decided.map((call) => `${call.action} ${call.decision}`)).toEqual([
      's3:PutObject Allowed',
      's3:ListBucket Allowed',
      's3:DeleteObject Allowed',
    ]);
  });

  it('still refuses objects outside the staged prefix', async () => {
    const { s3: client } = clientsOf('consumer', consumerAfter);
    await expect(client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'exports/all.csv', Body: 'x' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });

  it("evaluates dynamodb:LeadingKeys: the webhook writes its ledger row, not a customer's profile", async () => {
    const { dynamo } = clientsOf('webhook', webhook);
    await dynamo.send(new PutCommand({ TableName: TABLE, Item: { pk: 'LEDGER#2026-12-04', sk: 'row' } }));
    await expect(
      dynamo.send(new PutCommand({ TableName: TABLE, Item: { pk: 'CUSTOMER#77010000000', sk: 'PROFILE' } })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    expect(await table.partition('CUSTOMER#77010000000')).toEqual([]);
  });

  it('asks for iam:PassRole with the schedule, and refuses it when the role may not pass the target role', async () => {
    const { scheduler } = clientsOf('consumer', consumerAfter);
    await expect(
      scheduler.send(
        new UpdateScheduleCommand({
          Name: 'followup-x',
          GroupName: 'followups',
          ScheduleExpression: 'at(2030-01-01T10:00:00)',
          FlexibleTimeWindow: { Mode: 'OFF' },
          Target: { Arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:jobs`, RoleArn: `arn:aws:iam::${ACCOUNT}:role/SchedulerRole` },
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(authorizer.denied().at(-1)).toMatchObject({ action: 'iam:PassRole', resource: `arn:aws:iam::${ACCOUNT}:role/SchedulerRole` });
  });

  it('refuses a request signed with a session it never issued', async () => {
    const stranger = new S3Client({
      region: REGION,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', sessionToken: 'forged' },
      endpoint: frontDoor.endpointOf('s3'),
      forcePathStyle: true,
    });
    await expect(stranger.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'voice/x/y', Body: 'x' }))).rejects.toMatchObject({
      name: 'AccessDenied',
    });
  });
});
