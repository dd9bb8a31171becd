import type { AsDeployedStack } from '../../local/asDeployed/asDeployedStack';

/**
 * Grants that no test needs, each with why it stays. Everything else a role
 * is granted must have allowed at least one call of the as-deployed suite, so
 * that taking any grant away makes a call fail there.
 */
const GRANTS_NOT_EXERCISED: Record<string, string> = {
  'sqs:GetQueueUrl':
    "CDK's SqsEventSource adds it to the consumer role with the grants Lambda's poller needs (ReceiveMessage, DeleteMessage, ChangeMessageVisibility, GetQueueAttributes); the poller itself never calls it.",
};

function actionsOf(statement: { Action?: string | string[] }): string[] {
  if (statement.Action === undefined) return [];
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** `<role> <policy>#<statement> <action>` for each granted action that allowed no recorded call. */
export function unusedGrants(stack: AsDeployedStack): string[] {
  const used = new Set<string>();
  for (const call of stack.authorizer.calls()) {
    if (call.decision !== 'Allowed' || call.role === undefined) continue;
    for (const grant of call.grants) used.add(`${call.role} ${grant} ${call.action}`);
  }
  const unused: string[] = [];
  for (const role of stack.deployment.roles()) {
    for (const { name, policy } of role.policies) {
      policy.Statement.forEach((statement, index) => {
        if (statement.Effect !== 'Allow') return;
        const grant = `${name}#${statement.Sid ?? index + 1}`;
        for (const action of actionsOf(statement)) {
          if (action in GRANTS_NOT_EXERCISED) continue;
          if (!used.has(`${role.name} ${grant} ${action}`)) unused.push(`${role.logicalId} ${grant} ${action}`);
        }
      });
    }
  }
  return unused;
}
