import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/tableSchema';

export interface StorageProps {
  /** Production keeps its data when the stack or a resource is deleted; other stages clean up. */
  readonly production: boolean;
}

/** The app's one DynamoDB table and the bucket where incoming media waits to be processed. */
export class Storage extends Construct {
  readonly table: Table;
  readonly mediaBucket: Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const removalPolicy = props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      timeToLiveAttribute: TABLE_SCHEMA.ttlAttribute,
      // Traffic is a shop's chat: bursty by day, near zero at night. On-demand
      // costs nothing idle and needs no capacity planning.
      billingMode: BillingMode.PAY_PER_REQUEST,
      // The default 35-day window (the maximum; PITR is billed on table size,
      // not on the window): time to notice a bad deploy that damaged profiles.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The AWS-managed key (aws/dynamodb) rather than the AWS-owned default:
      // every use of the key is in CloudTrail, for a table of customer
      // conversations. A customer-managed key would add $1 a month per stage
      // and a key policy to look after, for no requirement we have.
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.production,
      removalPolicy,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE_SCHEMA.byProductIndex.name,
      partitionKey: { name: TABLE_SCHEMA.byProductIndex.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.byProductIndex.sortKey, type: AttributeType.STRING },
    });

    this.mediaBucket = new Bucket(this, 'MediaBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      // Media is staged only while one message is processed (a voice note on
      // its way to transcription); a day covers every retry the queue makes,
      // and customers' voices are not kept beyond that.
      lifecycleRules: [{ id: 'expire-staged-media', expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // Not autoDeleteObjects: that adds a custom-resource Lambda to every
      // stack, and a stage's bucket empties itself within a day anyway.
      removalPolicy,
    });
    Validations.of(this.mediaBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The media bucket only stages voice notes and photos for up to a day; server access logs would keep the customer-derived object keys far longer than the objects, in a second bucket. Only the consumer role can reach it (block public access, SSL only).',
    });
  }
}
