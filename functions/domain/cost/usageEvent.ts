import type { AiUsage } from '../assistant/aiUsage';
import type { WhatsAppMarket } from './whatsappMarket';

export type LambdaArchitecture = 'arm64' | 'x86_64';

/**
 * What one invocation consumed, as metered: quantities only, priced later
 * from the pricing file. DynamoDB units are the ones DynamoDB reported as
 * consumed (ReturnConsumedCapacity), not estimates from item sizes.
 */
export type UsageEvent =
  | { kind: 'lambda'; memoryMb: number; billedMs: number; architecture: LambdaArchitecture }
  | { kind: 'apiGateway'; requests: number }
  | { kind: 'sqs'; requests: number }
  | { kind: 'dynamodb'; readUnits: number; writeUnits: number }
  | { kind: 's3'; puts: number; gets: number }
  /** API calls are free; they are kept as a quantity so finance can see the schedules' churn. */
  | { kind: 'scheduler'; invocations: number; apiCalls: number }
  | { kind: 'openai'; usage: AiUsage }
  | WhatsAppUsage;

/**
 * One delivered message as WhatsApp's status webhook prices it, booked once
 * (the first status with pricing). `at` is the status time: the rate card in
 * force then applies. The charge may belong to another feature and customer
 * than the invocation that books it (an alert's template booked by the
 * consumer that processed its status).
 */
export interface WhatsAppUsage {
  kind: 'whatsapp';
  category: string;
  market: WhatsAppMarket;
  billable: boolean;
  at: number;
  /** Whose charge it is: the feature and customer that sent the message, and the template it was. */
  attributeTo?: { feature: string; customerRef?: string; template?: string };
}
