import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildCatalogDocument } from '../../functions/domain/catalog/buildCatalogDocument';
import { PROJECT_ROOT } from '../lambdaBundling';
import { acknowledgeProviderRole } from '../nagFindings';

/** The catalog file the stack deploys, and the object it becomes. */
export const CATALOG_FILE = 'data/catalog.json';
export const CATALOG_OBJECT_KEY = 'catalog.json';

export interface CatalogStoreProps {
  /** Production keeps the bucket and the object when the stack is deleted; other stages clean up. */
  readonly production: boolean;
  /** The deployment's provider logs like the functions do. */
  readonly logRetentionDays: RetentionDays;
}

/**
 * The catalog as data, not code: data/catalog.json, validated and with its
 * search terms analysed at synth (functions/domain/catalog/catalogDocument.ts),
 * deployed as one object to a bucket of its own by CDK's BucketDeployment. The
 * functions read it at their first use of the catalog, not at init, and keep
 * it; each gets s3:GetObject on that one object and nothing else. Deployed
 * only when the catalog is not the store's API (`-c apiUrl=…`).
 *
 * A bucket of its own rather than a prefix of the media bucket: the
 * deployment's provider function (CDK's) may read and write its whole
 * destination bucket, and the media bucket holds customers' voice notes.
 */
export class CatalogStore extends Construct {
  readonly bucket: Bucket;
  readonly deployment: BucketDeployment;

  constructor(scope: Construct, id: string, props: CatalogStoreProps) {
    super(scope, id);
    const removalPolicy = props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      removalPolicy,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "The catalog bucket holds one object, the store's product list with its prices: written only by the deployment, read only by the functions' roles. Server access logs would add a second bucket to record reads of data that is shown to every customer anyway.",
    });

    const document = buildCatalogDocument(JSON.parse(readFileSync(join(PROJECT_ROOT, CATALOG_FILE), 'utf8')), CATALOG_FILE);
    this.deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.jsonData(CATALOG_OBJECT_KEY, document)],
      destinationBucket: this.bucket,
      contentType: 'application/json',
      // Objects of an older catalog go; with the stack, the object goes too, so the bucket can be deleted.
      prune: true,
      retainOnDelete: props.production,
      // Instead of the provider's default group, which outlives every stage.
      logGroup: new LogGroup(this, 'DeploymentLogs', { retention: props.logRetentionDays, removalPolicy }),
    });
    this.acknowledgeDeploymentFindings();
  }

  /** The one read a function needs: GetObject on the catalog object (conditional reads included), and where it is. */
  grantRead(fn: LambdaFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(CATALOG_OBJECT_KEY)] }),
    );
    fn.addEnvironment('CATALOG_BUCKET', this.bucket.bucketName);
    fn.addEnvironment('CATALOG_KEY', CATALOG_OBJECT_KEY);
  }

  /**
   * BucketDeployment runs CDK's provider function at deploy time (`aws s3
   * sync` from the asset bucket to the catalog bucket): its role is CDK's.
   */
  private acknowledgeDeploymentFindings(): void {
    acknowledgeProviderRole(this.deployment.handlerRole, {
      managedPolicy:
        "CDK's BucketDeployment provider role uses AWSLambdaBasicExecutionRole for its own logs; the function runs only while CloudFormation deploys the catalog.",
      wildcards:
        "CDK's BucketDeployment provider syncs the catalog asset into the catalog bucket: it reads the CDK asset bucket and writes the catalog bucket's objects, which hold only the catalog. The functions read one object.",
    });
    const provider = this.deployment.handlerRole.node.scope;
    if (provider === undefined) throw new Error("BucketDeployment's provider role has no function");
    Validations.of(provider).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "The runtime of CDK's BucketDeployment provider (Python, with the AWS CLI layer) is chosen by aws-cdk-lib and moves with it; the function runs only at deploy time.",
    });
  }
}
