import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag AwsSolutions-IAM5 finding on a function's role: a
 * wildcard that only reaches inside one resource of this stack, like a
 * table's indexes (`<table ARN>/index/*`) or a bucket's objects
 * (`<bucket ARN>/*`). cdk-nag 3 names each finding after the resource's
 * logical id, so this builds the id from the resource instead of hard-coding it.
 */
export function acknowledgeWildcardInside(grantee: IFunction | IRole, resource: IConstruct, arnSuffix: string, reason: string): void {
  const role = 'roleArn' in grantee ? grantee : grantee.role;
  if (role === undefined) throw new Error(`${grantee.node.path} has no role to acknowledge a finding on`);
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(resource)}.Arn>${arnSuffix}]`,
    reason,
  });
}

function logicalIdOf(resource: IConstruct): string {
  const cfn = resource.node.defaultChild;
  if (!CfnElement.isCfnElement(cfn)) throw new Error(`${resource.node.path} is not a CloudFormation resource of this app`);
  return Stack.of(cfn).resolve(cfn.logicalId) as string;
}
