import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { bundledPricing } from '../adapters/cost/bundledPricing';
import type { DynamoClients } from '../adapters/dynamodb/dynamoClients';
import { DynamoCostLedger } from '../adapters/dynamodb/dynamoCostLedger';
import type { Environment } from '../config/environment';
import type { Feature } from '../domain/cost/features';
import type { UsageEvent } from '../domain/cost/usageEvent';
import { costAccounting, type LedgerPseudonyms } from '../observability/costAccounting';
import { LoggedCostLedger } from '../observability/loggedCostLedger';

/** As lib/constructs/zetaFunction.ts deploys every function; the local runtime is priced as the deployment would be. */
const DEPLOYED_ARCHITECTURE = 'arm64';

export interface AccountedFunction<TEvent, TResult = unknown> {
  functionName: string;
  /** The memory the stack gives the function; Lambda's context overrides it when it says. */
  memoryMb: number;
  feature: Feature | ((event: TEvent) => Feature);
  invocationUsage?: (event: TEvent) => UsageEvent[];
  /** Requests refused before any work: no ledger row (see CostAccountingOptions.rejected). */
  rejected?: (outcome: { error: unknown; response: TResult | undefined }) => boolean;
  /** The ledger's salted pseudonyms of the customers served (functions that serve customers). */
  pseudonyms?: LedgerPseudonyms;
}

/** The cost accounting middleware of one function, writing to the ledger in the app's table. */
export function costAccountingFor<TEvent, TResult>(
  env: Pick<Environment, 'AWS_REGION' | 'TABLE_NAME' | 'COST_LEDGER'>,
  telemetry: { logger: Logger; metrics: Metrics },
  dynamo: DynamoClients,
  accounted: AccountedFunction<TEvent, TResult>,
) {
  return costAccounting<TEvent, TResult>({
    ...accounted,
    architecture: DEPLOYED_ARCHITECTURE,
    region: env.AWS_REGION,
    pricing: bundledPricing(),
    ledger: env.COST_LEDGER === 'logs' ? new LoggedCostLedger() : new DynamoCostLedger(dynamo.document, env.TABLE_NAME),
    booksRowWrite: env.COST_LEDGER === 'table',
    logger: telemetry.logger,
    metrics: telemetry.metrics,
  });
}
