import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { IdempotencyItemAlreadyExistsError, IdempotencyItemNotFoundError } from '@aws-lambda-powertools/idempotency';
import type { ClaimOutcome, MessageClaims } from '../../consumer/messageClaims';
import { DAY_SECONDS, IDEMPOTENCY_PK } from './tableKeys';

const COMPLETED = 'COMPLETED';

/**
 * Message claims on Powertools Idempotency's DynamoDB persistence layer, in
 * the application's single table (pk IDEMPOTENCY, sk <function>#<md5 of the
 * message id>, TTL attribute `ttl`). Powertools does the conditional put that
 * lets an in-progress claim expire when its Lambda dies, so a crashed turn is
 * retried rather than lost.
 */
export class PowertoolsMessageClaims implements MessageClaims {
  private readonly persistence: DynamoDBPersistenceLayer;

  constructor(options: { client: DynamoDBClient; tableName: string; retentionDays: number; scope: string }) {
    this.persistence = new DynamoDBPersistenceLayer({
      tableName: options.tableName,
      awsSdkV3Client: options.client,
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      staticPkValue: IDEMPOTENCY_PK,
      expiryAttr: 'ttl',
    });
    this.persistence.configure({
      functionName: options.scope,
      config: new IdempotencyConfig({
        eventKeyJmesPath: 'messageId',
        expiresAfterSeconds: options.retentionDays * DAY_SECONDS,
        throwOnNoIdempotencyKey: true,
      }),
    });
  }

  async claim(messageId: string, leaseMs: number): Promise<ClaimOutcome> {
    try {
      await this.persistence.saveInProgress({ messageId }, leaseMs);
      return 'claimed';
    } catch (error) {
      if (!(error instanceof IdempotencyItemAlreadyExistsError)) throw error;
      try {
        const existing = error.existingRecord ?? (await this.persistence.getRecord({ messageId }));
        // An in-progress claim whose lease ran out would have been taken over by the put itself.
        return existing.getStatus() === COMPLETED ? 'done' : 'busy';
      } catch (lookupError) {
        // The competing claim was released between our put and our read: let the retry decide.
        if (lookupError instanceof IdempotencyItemNotFoundError) return 'busy';
        throw lookupError;
      }
    }
  }

  complete(messageId: string): Promise<void> {
    return this.persistence.saveSuccess({ messageId }, { answered: true });
  }

  release(messageId: string): Promise<void> {
    return this.persistence.deleteRecord({ messageId });
  }
}
