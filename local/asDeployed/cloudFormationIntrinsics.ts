/**
 * Evaluates the CloudFormation intrinsic functions a synthesized template uses
 * (Ref, Fn::GetAtt, Fn::Join, Fn::Select, Fn::Split, Fn::Sub, pseudo
 * parameters) against the physical ids of a local "deployment", the way
 * CloudFormation does when it creates the stack.
 */

export interface PseudoParameters {
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
  readonly partition: string;
  readonly urlSuffix: string;
}

export interface ResourceIds {
  /** What `Ref` of the resource returns. */
  ref(logicalId: string): string;
  /** What `Fn::GetAtt` of the resource's attribute returns. */
  attribute(logicalId: string, attribute: string): string;
}

export class UnresolvableIntrinsicError extends Error {
  override readonly name = 'UnresolvableIntrinsicError';
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function pseudo(name: string, parameters: PseudoParameters): string | undefined {
  const values: Record<string, string> = {
    'AWS::Region': parameters.region,
    'AWS::AccountId': parameters.accountId,
    'AWS::StackName': parameters.stackName,
    'AWS::Partition': parameters.partition,
    'AWS::URLSuffix': parameters.urlSuffix,
  };
  return values[name];
}

/** Resolves `value` to plain JSON; an intrinsic it does not know is an error naming it, never a silent guess. */
export function resolveIntrinsics(value: unknown, ids: ResourceIds, parameters: PseudoParameters): Json {
  const resolve = (inner: unknown): Json => resolveIntrinsics(inner, ids, parameters);
  const resolveString = (inner: unknown, where: string): string => {
    const resolved = resolve(inner);
    if (typeof resolved !== 'string' && typeof resolved !== 'number') {
      throw new UnresolvableIntrinsicError(`${where} expects a string, got ${JSON.stringify(resolved)}`);
    }
    return String(resolved);
  };
  if (Array.isArray(value)) return value.map(resolve);
  if (value === null || typeof value !== 'object') return value as Json;
  const entries = Object.entries(value as Record<string, unknown>);
  const [onlyKey, argument] = entries.length === 1 ? (entries[0] as [string, unknown]) : [undefined, undefined];
  switch (onlyKey) {
    case 'Ref': {
      const name = String(argument);
      return pseudo(name, parameters) ?? ids.ref(name);
    }
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = Array.isArray(argument) ? argument : String(argument).split('.');
      return ids.attribute(String(logicalId), String(attribute));
    }
    case 'Fn::Join': {
      const [separator, parts] = argument as [string, unknown[]];
      return (resolve(parts) as Json[]).map((part) => String(part)).join(separator);
    }
    case 'Fn::Select': {
      const [index, list] = argument as [unknown, unknown];
      const items = resolve(list);
      const at = Number(resolve(index));
      if (!Array.isArray(items) || items[at] === undefined) {
        throw new UnresolvableIntrinsicError(`Fn::Select ${at} of ${JSON.stringify(items)}`);
      }
      return items[at];
    }
    case 'Fn::Split': {
      const [separator, source] = argument as [string, unknown];
      return resolveString(source, 'Fn::Split').split(separator);
    }
    case 'Fn::Sub': {
      const [template, variables] = typeof argument === 'string' ? [argument, {}] : (argument as [string, Record<string, unknown>]);
      return template.replace(/\$\{([^}!][^}]*)\}/g, (_, name: string) => {
        if (name in variables) return resolveString(variables[name], `Fn::Sub \${${name}}`);
        const builtIn = pseudo(name, parameters);
        if (builtIn !== undefined) return builtIn;
        const [logicalId, attribute] = name.split('.');
        return attribute === undefined ? ids.ref(name) : ids.attribute(logicalId ?? '', attribute);
      });
    }
    default:
      if (onlyKey?.startsWith('Fn::') || onlyKey === 'Condition') {
        throw new UnresolvableIntrinsicError(`${onlyKey} is not supported by the local deployment`);
      }
      return Object.fromEntries(entries.map(([key, inner]) => [key, resolve(inner)]));
  }
}
