import { randomBytes } from 'node:crypto';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LedgerPseudonyms } from '../../observability/costAccounting';
import { ledgerCustomerRef } from '../../observability/customerRef';
import { customerPk, identityPk, IDENTITY_SK, PROFILE_SK } from './tableKeys';

/**
 * The cost ledger's pseudonym of each customer an invocation served: from the
 * random `ledgerSalt` their profile keeps (written with the profile's first
 * save), found under the key their phone number or BSUID links to, so it is
 * the same whichever identifier a message or status names. A
 * customer without a profile — erased, or never answered — gets a pseudonym
 * of this row alone, which names no one.
 */
export function dynamoLedgerPseudonyms(client: DynamoDBDocumentClient, tableName: string): LedgerPseudonyms {
  const get = async (Key: Record<string, string>, attribute: string) =>
    (await client.send(new GetCommand({ TableName: tableName, Key, ProjectionExpression: attribute }))).Item?.[attribute];
  const saltOf = async (waId: string): Promise<string | undefined> => {
    const salt = await get({ pk: customerPk(waId), sk: PROFILE_SK }, 'ledgerSalt');
    if (typeof salt === 'string') return salt;
    const key = await get({ pk: identityPk(waId), sk: IDENTITY_SK }, 'key');
    if (typeof key !== 'string' || key === waId) return undefined;
    const linked = await get({ pk: customerPk(key), sk: PROFILE_SK }, 'ledgerSalt');
    return typeof linked === 'string' ? linked : undefined;
  };
  return async (customerIds) =>
    new Map(
      await Promise.all(
        customerIds.map(async (waId) => {
          const salt = await saltOf(waId);
          return [waId, salt === undefined ? randomBytes(8).toString('hex') : ledgerCustomerRef(salt)] as const;
        }),
      ),
    );
}
