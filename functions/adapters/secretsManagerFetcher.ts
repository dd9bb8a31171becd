import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretFetcher } from '../config/secrets';

/** Powertools Parameters caches the secret in memory for maxAge seconds across invocations. */
export const fetchSecretFromSecretsManager: SecretFetcher = (secretId, maxAgeSeconds) =>
  getSecret(secretId, { transform: 'json', maxAge: maxAgeSeconds });
