import type { AiUsage } from '../assistant/aiUsage';
import { COST_COMPONENTS, noCosts, type CostComponent, type Costs } from './costComponents';
import { roundUsd, sumUsd } from './money';
import { costOf, isWhatsAppCategory, modelPrices, ratedAs, rateCardOn, regionalPrices } from './priceLookup';
import type { Pricing } from './pricingSchema';
import type { UsageEvent, WhatsAppUsage } from './usageEvent';

/** What was consumed, summed over an invocation's events; zero quantities are left out of the ledger. */
export interface UsageQuantities {
  lambdaBilledMs: number;
  lambdaGbSeconds: number;
  lambdaRequests: number;
  apiGatewayRequests: number;
  sqsRequests: number;
  dynamodbReadUnits: number;
  dynamodbWriteUnits: number;
  s3Puts: number;
  s3Gets: number;
  schedulerInvocations: number;
  schedulerApiCalls: number;
  openaiInputTokens: number;
  openaiCachedInputTokens: number;
  openaiOutputTokens: number;
  openaiAudioSeconds: number;
  whatsappMessages: number;
  whatsappBillable: number;
}

/** Part of a component that belongs to another feature or customer than the invocation's. */
export interface Attribution {
  component: CostComponent;
  usd: number;
  feature: string;
  customerRef?: string;
  /** A WhatsApp charge: the template it was (none for a free-form message) and the category Meta billed it in. */
  template?: string;
  category?: string;
}

export interface PricedUsage {
  /** USD per component, each rounded to the nano-dollar. */
  costs: Costs;
  /** The exact sum of the components. */
  totalUsd: number;
  quantities: Partial<UsageQuantities>;
  attributions: Attribution[];
  /** Usage with no price in the file (an unknown model, a message older than every rate card): booked at zero, named here. */
  unpriced: string[];
  /** The region whose prices were used: the function's own, or the file's default when it is not listed. */
  pricedAs: string;
}

type Accumulator = { costs: Costs; quantities: UsageQuantities; attributions: Attribution[]; unpriced: Set<string> };

/**
 * Prices one invocation's usage with the pricing file: Lambda by billed
 * GB-seconds plus the request, API Gateway, SQS, S3 and Scheduler by
 * request, DynamoDB by consumed read and write units, OpenAI by tokens (or
 * minutes of audio), WhatsApp by the rate card in force on the message's day.
 */
export function priceUsage(events: readonly UsageEvent[], pricing: Pricing, region: string): PricedUsage {
  const { pricedAs, prices } = regionalPrices(pricing, region);
  const acc: Accumulator = { costs: noCosts(), quantities: noQuantities(), attributions: [], unpriced: new Set() };
  const { costs, quantities } = acc;

  for (const event of events) {
    switch (event.kind) {
      case 'lambda': {
        const gbSeconds = (event.memoryMb / 1024) * (event.billedMs / 1000);
        quantities.lambdaBilledMs += event.billedMs;
        quantities.lambdaGbSeconds += gbSeconds;
        quantities.lambdaRequests += 1;
        costs.lambda += costOf(prices.lambdaGbSecond[event.architecture], gbSeconds) + costOf(prices.lambdaRequests, 1);
        break;
      }
      case 'apiGateway':
        quantities.apiGatewayRequests += event.requests;
        costs.apiGateway += costOf(prices.httpApiRequests, event.requests);
        break;
      case 'sqs':
        quantities.sqsRequests += event.requests;
        costs.sqs += costOf(prices.sqsFifoRequests, event.requests);
        break;
      case 'dynamodb':
        quantities.dynamodbReadUnits += event.readUnits;
        quantities.dynamodbWriteUnits += event.writeUnits;
        costs.dynamodb +=
          costOf(prices.dynamodbReadRequestUnits, event.readUnits) + costOf(prices.dynamodbWriteRequestUnits, event.writeUnits);
        break;
      case 's3':
        quantities.s3Puts += event.puts;
        quantities.s3Gets += event.gets;
        costs.s3 += costOf(prices.s3PutRequests, event.puts) + costOf(prices.s3GetRequests, event.gets);
        break;
      case 'scheduler':
        quantities.schedulerInvocations += event.invocations;
        quantities.schedulerApiCalls += event.apiCalls;
        costs.scheduler += costOf(prices.schedulerInvocations, event.invocations);
        break;
      case 'openai':
        costs.openai += priceAi(event.usage, pricing, acc);
        break;
      case 'whatsapp':
        priceWhatsApp(event, pricing, acc);
        break;
    }
  }

  const rounded = noCosts();
  for (const component of COST_COMPONENTS) rounded[component] = roundUsd(costs[component]);
  return {
    costs: rounded,
    totalUsd: sumUsd(Object.values(rounded)),
    quantities: nonZero(quantities),
    attributions: acc.attributions,
    unpriced: [...acc.unpriced],
    pricedAs,
  };
}

/**
 * Tokens when the API reported them (prompt tokens include the cached ones,
 * which are billed at the cached rate); otherwise minutes of audio, as
 * whisper-1 is billed and as OpenAI estimates the -transcribe models.
 */
function priceAi(usage: AiUsage, pricing: Pricing, acc: Accumulator): number {
  const { quantities } = acc;
  quantities.openaiInputTokens += usage.inputTokens;
  quantities.openaiCachedInputTokens += usage.cachedInputTokens;
  quantities.openaiOutputTokens += usage.outputTokens;
  quantities.openaiAudioSeconds += usage.audioSeconds ?? 0;

  const prices = modelPrices(pricing, usage.model);
  if (prices === undefined) {
    acc.unpriced.add(`openai:${usage.model}`);
    return 0;
  }
  const tokens = usage.inputTokens + usage.outputTokens;
  if (tokens > 0 && prices.input !== undefined) {
    const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
    if (usage.outputTokens > 0 && prices.output === undefined) acc.unpriced.add(`openai:${usage.model}:output`);
    return (
      costOf(prices.input, usage.inputTokens - cached) +
      costOf(prices.cachedInput ?? prices.input, cached) +
      (prices.output === undefined ? 0 : costOf(prices.output, usage.outputTokens))
    );
  }
  const seconds = usage.audioSeconds ?? 0;
  if (seconds > 0) {
    if (prices.audioMinute !== undefined) return costOf(prices.audioMinute, seconds / 60);
    acc.unpriced.add(`openai:${usage.model}:audio`);
  }
  return 0;
}

/** Only a billable status costs anything; the charge may belong to the feature that sent the message. */
function priceWhatsApp(event: WhatsAppUsage, pricing: Pricing, acc: Accumulator): void {
  acc.quantities.whatsappMessages += 1;
  if (!event.billable) return;
  acc.quantities.whatsappBillable += 1;
  const category = event.category.toLowerCase();
  const rate = ratedAs(category);
  const card = rateCardOn(pricing, event.market, event.at);
  if (card === undefined || !isWhatsAppCategory(rate)) {
    acc.unpriced.add(`whatsapp:${event.market}:${category}`);
    return;
  }
  const usd = card[rate];
  acc.costs.whatsapp += usd;
  if (event.attributeTo !== undefined) {
    acc.attributions.push({
      component: 'whatsapp',
      usd: roundUsd(usd),
      feature: event.attributeTo.feature,
      ...(event.attributeTo.customerRef === undefined ? {} : { customerRef: event.attributeTo.customerRef }),
      ...(event.attributeTo.template === undefined ? {} : { template: event.attributeTo.template }),
      category,
    });
  }
}

function noQuantities(): UsageQuantities {
  return {
    lambdaBilledMs: 0,
    lambdaGbSeconds: 0,
    lambdaRequests: 0,
    apiGatewayRequests: 0,
    sqsRequests: 0,
    dynamodbReadUnits: 0,
    dynamodbWriteUnits: 0,
    s3Puts: 0,
    s3Gets: 0,
    schedulerInvocations: 0,
    schedulerApiCalls: 0,
    openaiInputTokens: 0,
    openaiCachedInputTokens: 0,
    openaiOutputTokens: 0,
    openaiAudioSeconds: 0,
    whatsappMessages: 0,
    whatsappBillable: 0,
  };
}

function nonZero(quantities: UsageQuantities): Partial<UsageQuantities> {
  return Object.fromEntries(Object.entries(quantities).filter(([, value]) => value !== 0)) as Partial<UsageQuantities>;
}
