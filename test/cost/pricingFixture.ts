import { bundledPricing } from '../../functions/adapters/cost/bundledPricing';
import type { Pricing, RateCard } from '../../functions/domain/cost/pricingSchema';

const source = 'https://example.com/price';
const card = (effectiveFrom: string, rates: Pick<RateCard, 'marketing' | 'utility' | 'authentication' | 'service'>): RateCard => ({
  effectiveFrom,
  ...rates,
  source,
  checked: '2026-11-25',
  confirmed: true,
  unknown: [],
});

/**
 * The shipped pricing file with the prices the hand computations use pinned,
 * so finance can edit data/pricing.json without breaking the arithmetic tests.
 */
export function fixturePricing(): Pricing {
  const pricing = structuredClone(bundledPricing());
  const east = pricing.aws['us-east-1']!;
  east.lambdaGbSecond.arm64.usd = 0.0000133334;
  east.lambdaGbSecond.x86_64.usd = 0.0000166667;
  east.lambdaRequests.usd = 0.2;
  east.httpApiRequests.usd = 1;
  east.sqsFifoRequests.usd = 0.5;
  east.dynamodbWriteRequestUnits.usd = 0.625;
  east.dynamodbReadRequestUnits.usd = 0.125;
  east.s3PutRequests.usd = 0.005;
  east.s3GetRequests.usd = 0.0004;
  east.schedulerInvocations.usd = 1;
  pricing.aws['eu-central-1']!.dynamodbWriteRequestUnits.usd = 0.7625;
  pricing.defaultRegion = 'eu-central-1';
  pricing.openai['gpt-4o-mini'] = {
    input: { ...east.lambdaRequests, usd: 0.15, per: 1_000_000 },
    cachedInput: { ...east.lambdaRequests, usd: 0.075, per: 1_000_000 },
    output: { ...east.lambdaRequests, usd: 0.6, per: 1_000_000 },
  };
  pricing.openai['gpt-4o-mini-transcribe'] = {
    input: { ...east.lambdaRequests, usd: 1.25, per: 1_000_000 },
    output: { ...east.lambdaRequests, usd: 5, per: 1_000_000 },
    audioMinute: { ...east.lambdaRequests, usd: 0.003, per: 1 },
  };
  pricing.openai['whisper-1'] = { audioMinute: { ...east.lambdaRequests, usd: 0.006, per: 1 } };
  pricing.whatsapp = {
    KZ: [
      card('2025-07-01', { marketing: 0.0604, utility: 0.0077, authentication: 0.0077, service: 0 }),
      card('2026-10-01', { marketing: 0.07, utility: 0.01, authentication: 0.01, service: 0.01 }),
    ],
    RU: [card('2025-07-01', { marketing: 0.0802, utility: 0.04, authentication: 0.04, service: 0 })],
    other: [card('2025-07-01', { marketing: 0.0604, utility: 0.0077, authentication: 0.0077, service: 0 })],
  };
  return pricing;
}
