import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { CfnRole, type IRole, Policy } from 'aws-cdk-lib/aws-iam';
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

/**
 * A resource ARN as cdk-nag spells it in a finding's id: literal parts as
 * they are, `Ref`s as `<Name>` and `Fn::GetAtt`s as `<Name.Attribute>`. The
 * same ARN reads `arn:<AWS::Partition>:…:<AWS::Region>:…` in an
 * environment-agnostic stack and `arn:aws:…:eu-central-1:…` in one deployed
 * with -c region/-c account, so the id is derived rather than typed.
 */
export function nagResourceName(scope: IConstruct, arn: string): string {
  const render = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (value !== null && typeof value === 'object') {
      const intrinsic = value as { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::Join'?: [string, unknown[]]; 'Fn::Sub'?: string };
      if (intrinsic.Ref !== undefined) return `<${intrinsic.Ref}>`;
      if (intrinsic['Fn::GetAtt'] !== undefined) return `<${intrinsic['Fn::GetAtt'].join('.')}>`;
      if (intrinsic['Fn::Join'] !== undefined) return intrinsic['Fn::Join'][1].map(render).join(intrinsic['Fn::Join'][0]);
      if (typeof intrinsic['Fn::Sub'] === 'string') return intrinsic['Fn::Sub'].replace(/\$\{([^}]+)\}/g, '<$1>');
    }
    throw new Error(`cannot name ${JSON.stringify(value)} as cdk-nag does`);
  };
  return render(Stack.of(scope).resolve(arn));
}

/**
 * Acknowledges every AwsSolutions-IAM4 (AWS managed policy) and IAM5
 * (wildcard) finding of a role that a CDK construct creates for its own
 * deploy-time provider function, which the app neither writes nor calls:
 * each finding by its exact id, read from the role's own policies.
 */
export function acknowledgeProviderRole(role: IRole, reasons: { managedPolicy: string; wildcards: string }): void {
  const stack = Stack.of(role);
  const managed = (stack.resolve((role.node.defaultChild as CfnRole).managedPolicyArns) ?? []) as unknown[];
  const policy = role.node.tryFindChild('DefaultPolicy');
  const statements =
    policy instanceof Policy
      ? (stack.resolve(policy.document.toJSON()) as { Statement: Array<{ Action: string | string[]; Resource: unknown }> }).Statement
      : [];
  const wildcards = new Set<string>();
  for (const statement of statements) {
    for (const action of [statement.Action].flat()) if (action.includes('*')) wildcards.add(`Action::${action}`);
    for (const resource of [statement.Resource].flat()) {
      const name = nagResourceName(role, resource as string);
      if (name.includes('*')) wildcards.add(`Resource::${name}`);
    }
  }
  Validations.of(role).acknowledge(
    ...managed.map((arn) => ({ id: `AwsSolutions-IAM4[Policy::${nagResourceName(role, arn as string)}]`, reason: reasons.managedPolicy })),
    ...[...wildcards].map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason: reasons.wildcards })),
  );
}
