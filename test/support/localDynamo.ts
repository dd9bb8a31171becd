import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, LOCAL_CREDENTIALS, startDynamo, type LocalDynamo } from '../../local/dynamoServer';

export interface TestTable extends LocalDynamo {
  tableName: string;
  document: DynamoDBDocumentClient;
  /** Every item of one partition, to check what the code really wrote. */
  partition(pk: string): Promise<Array<Record<string, unknown>>>;
}

/** dynalite in memory on loopback with the application's table. */
export async function startTestTable(tableName = 'zeta-test'): Promise<TestTable> {
  const dynamo = await startDynamo();
  await ensureTable(dynamo.endpoint, tableName);
  const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  const document = DynamoDBDocumentClient.from(raw);
  return {
    ...dynamo,
    tableName,
    document,
    partition: async (pk) =>
      (
        await document.send(
          new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
        )
      ).Items ?? [],
    close: async () => {
      raw.destroy();
      await dynamo.close();
    },
  };
}
