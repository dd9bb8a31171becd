import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import type { ContextValue, RequestedAction } from './awsRequestDecoding';
import type { DeployedRole, PolicyDocument } from './localDeployment';

/** Who makes a request, as IAM sees it. */
export type CallerPrincipal =
  /** A role's session: a function's execution role, or the scheduler's role when a schedule fires. */
  | { kind: 'role'; caller: string; role: DeployedRole }
  /** An AWS service acting on the account's behalf, allowed by a resource policy (API Gateway invoking a function). */
  | { kind: 'service'; caller: string; service: string; sourceArn: string }
  /** The operator running the CLI with their own (administrator) credentials: recorded, not evaluated. */
  | { kind: 'operator'; caller: string };

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

export interface AuthorizedCall {
  at: number;
  caller: string;
  /** The role whose session made the call (none for a service principal or the operator). */
  role: string | undefined;
  /** The API operation, e.g. PutItem, or what the platform did (Invoke, ReceiveMessage). */
  operation: string;
  action: string;
  resource: string;
  /** The request's condition keys (dynamodb:LeadingKeys, s3:prefix…), as evaluated. */
  context: Record<string, ContextValue>;
  decision: Decision;
  /** The identity-policy statements that allowed it: `<policy name>#<statement number>`. */
  grants: string[];
}

export interface ResourcePolicies {
  /** The resource-based policy that governs an ARN (a queue's, a bucket's, a function's permissions), if any. */
  resourcePolicyFor(arn: string): PolicyDocument | undefined;
}

export class AccessDeniedError extends Error {
  override readonly name = 'AccessDeniedError';
  constructor(readonly calls: AuthorizedCall[]) {
    super(calls.map(describeDenial).join('; '));
  }
}

export function describeDenial(call: AuthorizedCall): string {
  return `${call.caller} is not authorized to perform ${call.action} on ${call.resource} (${call.operation}, ${call.decision})`;
}

/**
 * Evaluates each AWS call a function makes against the policies of the
 * synthesized template, with a real IAM policy evaluator
 * (@cloud-copilot/iam-simulate: identity and resource policies, conditions),
 * and records every decision for the tests to read.
 */
export class IamAuthorizer {
  private readonly log: AuthorizedCall[] = [];

  constructor(
    private readonly account: { region: string; accountId: string },
    private readonly resources: ResourcePolicies,
    private readonly onDenied: (call: AuthorizedCall) => void = () => undefined,
  ) {}

  calls(): readonly AuthorizedCall[] {
    return this.log;
  }

  denied(): AuthorizedCall[] {
    return this.log.filter((call) => call.decision !== 'Allowed');
  }

  /** Evaluates every action of one request; the request is allowed only when all are. */
  async authorize(principal: CallerPrincipal, operation: string, actions: RequestedAction[]): Promise<AuthorizedCall[]> {
    const decided: AuthorizedCall[] = [];
    for (const requested of actions) {
      const call = await this.evaluate(principal, operation, requested);
      this.log.push(call);
      decided.push(call);
      if (call.decision !== 'Allowed') this.onDenied(call);
    }
    return decided;
  }

  /** Throws AccessDeniedError unless every action is allowed. */
  async require(principal: CallerPrincipal, operation: string, actions: RequestedAction[]): Promise<void> {
    const denied = (await this.authorize(principal, operation, actions)).filter((call) => call.decision !== 'Allowed');
    if (denied.length > 0) throw new AccessDeniedError(denied);
  }

  private async evaluate(principal: CallerPrincipal, operation: string, requested: RequestedAction): Promise<AuthorizedCall> {
    const base = {
      at: Date.now(),
      caller: principal.caller,
      role: principal.kind === 'role' ? principal.role.name : undefined,
      operation,
      action: requested.action,
      resource: requested.resource,
      context: requested.context,
    };
    if (principal.kind === 'operator') return { ...base, decision: 'Allowed', grants: [] };
    const { accountId, region } = this.account;
    const context: Record<string, ContextValue> = {
      // The SDK always calls AWS over TLS; the stack's queue and bucket policies deny anything else.
      'aws:SecureTransport': 'true',
      'aws:RequestedRegion': region,
      'aws:CurrentTime': new Date().toISOString(),
      'aws:EpochTime': String(Math.floor(Date.now() / 1000)),
      ...requested.context,
    };
    let principalArn: string;
    if (principal.kind === 'role') {
      principalArn = `arn:aws:sts::${accountId}:assumed-role/${principal.role.name}/${principal.caller}`;
      context['aws:PrincipalArn'] = principal.role.arn;
      context['aws:PrincipalAccount'] = accountId;
    } else {
      principalArn = principal.service;
      context['aws:SourceArn'] = principal.sourceArn;
      context['aws:SourceAccount'] = accountId;
    }
    const resourcePolicy = this.resources.resourcePolicyFor(requested.resource);
    const simulation: Simulation = {
      identityPolicies: principal.kind === 'role' ? principal.role.policies : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(resourcePolicy === undefined ? {} : { resourcePolicy }),
      request: {
        action: requested.action,
        principal: principalArn,
        resource: {
          resource: requested.resource,
          accountId: requested.resource.startsWith('arn:aws:s3:::') ? accountId : (accountOf(requested.resource) ?? accountId),
        },
        contextVariables: context,
      },
    } as Simulation;
    const result = await runSimulation(simulation, {});
    if (result.resultType === 'error') {
      throw new Error(`IAM simulation of ${requested.action} on ${requested.resource} failed: ${JSON.stringify(result.errors)}`);
    }
    const analysis = result.resultType === 'single' ? result.result.analysis : undefined;
    const grants = (analysis?.identityAnalysis?.allowStatements ?? []).map(
      (statement: { policyId?: string; explain: { identifier: string } }) => `${statement.policyId}#${statement.explain.identifier}`,
    );
    return { ...base, decision: result.overallResult as Decision, grants };
  }
}

function accountOf(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account === undefined || account === '' ? undefined : account;
}
