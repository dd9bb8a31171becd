import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../apiGatewayEvent';
import type { DeployedSecret } from './localDeployment';

interface StoredSecret {
  name: string;
  arn: string;
  value: string;
  versionId: string;
  createdAt: number;
}

class SecretsManagerError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

function generatePassword(length: number, excludePunctuation: boolean): string {
  const alphabet = excludePunctuation ? ALPHANUMERIC : ALPHANUMERIC + PUNCTUATION;
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * Secrets Manager's JSON API (GetSecretValue, DescribeSecret, PutSecretValue)
 * for the stack's secret, so the functions read their secrets through the
 * real @aws-sdk/client-secrets-manager and Powertools Parameters, as in AWS.
 * The secret starts as CloudFormation creates it (GenerateSecretString: the
 * template with the generated key filled in); like DevOps after the first
 * deploy, the runtime then puts the real values in.
 */
export class SecretsManagerStandIn {
  private readonly secrets = new Map<string, StoredSecret>();

  constructor(secrets: DeployedSecret[]) {
    for (const secret of secrets) {
      const initial = secret.generate
        ? {
            ...secret.generate.template,
            [secret.generate.key]: generatePassword(secret.generate.length, secret.generate.excludePunctuation),
          }
        : {};
      this.secrets.set(secret.arn, {
        name: secret.name,
        arn: secret.arn,
        value: JSON.stringify(initial),
        versionId: randomUUID(),
        createdAt: Date.now(),
      });
    }
  }

  /** The ARN of a secret given by name, full ARN or partial ARN, as Secrets Manager resolves a SecretId. */
  arnOf(secretId: string): string | undefined {
    return this.find(secretId)?.arn;
  }

  valueOf(secretId: string): string | undefined {
    return this.find(secretId)?.value;
  }

  put(secretId: string, value: string): void {
    const secret = this.require(secretId);
    secret.value = value;
    secret.versionId = randomUUID();
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^secretsmanager\./, '');
    try {
      const input = JSON.parse((await readBody(request)).toString('utf8') || '{}') as { SecretId?: string; SecretString?: string };
      const secret = this.require(input.SecretId ?? '');
      const answer = (body: unknown): void => {
        response
          .writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() })
          .end(JSON.stringify(body));
      };
      switch (operation) {
        case 'GetSecretValue':
          return answer({
            ARN: secret.arn,
            Name: secret.name,
            SecretString: secret.value,
            VersionId: secret.versionId,
            VersionStages: ['AWSCURRENT'],
            CreatedDate: secret.createdAt / 1000,
          });
        case 'DescribeSecret':
          return answer({ ARN: secret.arn, Name: secret.name, VersionIdsToStages: { [secret.versionId]: ['AWSCURRENT'] } });
        case 'PutSecretValue':
          if (typeof input.SecretString !== 'string')
            throw new SecretsManagerError('InvalidParameterException', 'SecretString is required.');
          this.put(secret.arn, input.SecretString);
          return answer({ ARN: secret.arn, Name: secret.name, VersionId: secret.versionId, VersionStages: ['AWSCURRENT'] });
        default:
          throw new SecretsManagerError('InvalidAction', `The action ${operation} is not valid for this endpoint.`);
      }
    } catch (error) {
      const known = error instanceof SecretsManagerError ? error : new SecretsManagerError('InternalServiceError', String(error));
      response
        .writeHead(known.type === 'InternalServiceError' ? 500 : 400, {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-errortype': known.type,
        })
        .end(JSON.stringify({ __type: known.type, Message: known.message }));
    }
  }

  private find(secretId: string): StoredSecret | undefined {
    for (const secret of this.secrets.values()) {
      // A name, the full ARN, or the ARN without its random six-character suffix.
      if (secretId === secret.name || secretId === secret.arn || secret.arn.startsWith(`${secretId}-`)) return secret;
    }
    return undefined;
  }

  private require(secretId: string): StoredSecret {
    const secret = this.find(secretId);
    if (secret === undefined)
      throw new SecretsManagerError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    return secret;
  }
}
