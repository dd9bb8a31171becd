import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../functions/domain/cost/costCalculator';
import type { UsageEvent } from '../../functions/domain/cost/usageEvent';
import { whatsappMarketOf } from '../../functions/domain/cost/whatsappMarket';
import { fixturePricing } from './pricingFixture';

const pricing = fixturePricing();
const JUNE_2026 = Date.UTC(2026, 5, 15, 9);
const OCTOBER_2026 = Date.UTC(2026, 9, 5, 9);

describe('pricing one invocation', () => {
  it('prices a webhook invocation to the nano-dollar', () => {
    const events: UsageEvent[] = [
      { kind: 'lambda', memoryMb: 256, billedMs: 37, architecture: 'arm64' },
      { kind: 'apiGateway', requests: 1 },
      { kind: 'sqs', requests: 1 },
      { kind: 'dynamodb', readUnits: 1, writeUnits: 2 },
    ];
    const priced = priceUsage(events, pricing, 'us-east-1');
    // lambda: 0.25 GB x 0.037 s = 0.00925 GB-s x 0.0000133334 = 0.000000123334
    //         + 1 request x 0.20 / 1e6 = 0.0000002            -> 0.000000323334 -> 323 nano$
    // apiGateway: 1 x 1.00 / 1e6                               = 0.000001000
    // sqs: 1 x 0.50 / 1e6                                      = 0.000000500
    // dynamodb: 1 RRU x 0.125 / 1e6 + 2 WRU x 0.625 / 1e6      = 0.000001375
    // total: 323 + 1000 + 500 + 1375 nano$                     = 0.000003198
    expect(priced.costs).toEqual({
      lambda: 0.000000323,
      apiGateway: 0.000001,
      sqs: 0.0000005,
      dynamodb: 0.000001375,
      s3: 0,
      scheduler: 0,
      openai: 0,
      whatsapp: 0,
    });
    expect(priced.totalUsd).toBe(0.000003198);
    expect(priced.quantities).toEqual({
      lambdaBilledMs: 37,
      lambdaGbSeconds: 0.00925,
      lambdaRequests: 1,
      apiGatewayRequests: 1,
      sqsRequests: 1,
      dynamodbReadUnits: 1,
      dynamodbWriteUnits: 2,
    });
    expect(priced.pricedAs).toBe('us-east-1');
  });

  it('prices a voice turn: Lambda, S3 staging, queue polling, DynamoDB, chat tokens and transcription minutes', () => {
    const events: UsageEvent[] = [
      { kind: 'lambda', memoryMb: 1024, billedMs: 1843, architecture: 'arm64' },
      { kind: 's3', puts: 1, gets: 1 },
      { kind: 'sqs', requests: 2 },
      { kind: 'dynamodb', readUnits: 3, writeUnits: 6 },
      {
        kind: 'openai',
        usage: { model: 'gpt-4o-mini-transcribe', inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, audioSeconds: 6 },
      },
      { kind: 'openai', usage: { model: 'gpt-4o-mini', inputTokens: 2400, cachedInputTokens: 1024, outputTokens: 150 } },
    ];
    const priced = priceUsage(events, pricing, 'us-east-1');
    // lambda: 1 GB x 1.843 s x 0.0000133334 = 0.0000245734562 + 0.0000002 = 0.0000247734562 -> 0.000024773
    // s3: 1 PUT x 0.005 / 1000 + 1 GET x 0.0004 / 1000 = 0.000005 + 0.0000004 = 0.0000054
    // sqs: 2 x 0.50 / 1e6 = 0.000001
    // dynamodb: 3 x 0.125 / 1e6 + 6 x 0.625 / 1e6 = 0.000000375 + 0.00000375 = 0.000004125
    // openai: transcription reported no tokens: 6 s = 0.1 min x 0.003 = 0.0003
    //         chat: (2400 - 1024) x 0.15 / 1e6 = 0.0002064; 1024 cached x 0.075 / 1e6 = 0.0000768;
    //               150 out x 0.60 / 1e6 = 0.00009 -> 0.0003732; with the transcription 0.0006732
    // total: 0.000024773 + 0.0000054 + 0.000001 + 0.000004125 + 0.0006732 = 0.000708498
    expect(priced.costs).toMatchObject({ lambda: 0.000024773, s3: 0.0000054, sqs: 0.000001, dynamodb: 0.000004125, openai: 0.0006732 });
    expect(priced.totalUsd).toBe(0.000708498);
    expect(priced.quantities).toMatchObject({
      openaiInputTokens: 2400,
      openaiCachedInputTokens: 1024,
      openaiOutputTokens: 150,
      openaiAudioSeconds: 6,
    });
  });

  it('prices transcription by tokens when the API reports them, whisper-1 by the minute, and x86 at its own rate', () => {
    const priced = priceUsage(
      [
        {
          kind: 'openai',
          usage: { model: 'gpt-4o-mini-transcribe', inputTokens: 800, cachedInputTokens: 0, outputTokens: 40, audioSeconds: 30 },
        },
        { kind: 'openai', usage: { model: 'whisper-1', inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, audioSeconds: 90 } },
        { kind: 'lambda', memoryMb: 512, billedMs: 1000, architecture: 'x86_64' },
      ],
      pricing,
      'us-east-1',
    );
    // gpt-4o-mini-transcribe: 800 x 1.25 / 1e6 + 40 x 5 / 1e6 = 0.001 + 0.0002 = 0.0012 (the 30 s are not billed again)
    // whisper-1: 90 s = 1.5 min x 0.006 = 0.009                -> openai 0.0102
    // lambda x86: 0.5 GB x 1 s x 0.0000166667 = 0.00000833335 + 0.0000002 = 0.00000853335 -> 0.000008533
    expect(priced.costs.openai).toBe(0.0102);
    expect(priced.costs.lambda).toBe(0.000008533);
  });

  it('finds a dated model snapshot under its base name and books unknown models at zero, named', () => {
    const priced = priceUsage(
      [
        { kind: 'openai', usage: { model: 'gpt-4o-mini-2024-07-18', inputTokens: 1000, cachedInputTokens: 0, outputTokens: 0 } },
        { kind: 'openai', usage: { model: 'o9-ultra', inputTokens: 1000, cachedInputTokens: 0, outputTokens: 10 } },
      ],
      pricing,
      'us-east-1',
    );
    // 1000 x 0.15 / 1e6 = 0.00015; o9-ultra has no price
    expect(priced.costs.openai).toBe(0.00015);
    expect(priced.unpriced).toEqual(['openai:o9-ultra']);
  });

  it('prices EventBridge Scheduler invocations and leaves its API calls free', () => {
    const priced = priceUsage(
      [
        { kind: 'scheduler', invocations: 1, apiCalls: 0 },
        { kind: 'scheduler', invocations: 0, apiCalls: 2 },
      ],
      pricing,
      'us-east-1',
    );
    // 1 invocation x 1.00 / 1e6 = 0.000001
    expect(priced.costs.scheduler).toBe(0.000001);
    expect(priced.quantities).toEqual({ schedulerInvocations: 1, schedulerApiCalls: 2 });
  });

  it("uses the default region's prices for a region the file does not list", () => {
    const priced = priceUsage([{ kind: 'dynamodb', readUnits: 0, writeUnits: 4 }], pricing, 'ap-south-1');
    // eu-central-1 (the default): 4 WRU x 0.7625 / 1e6 = 0.00000305
    expect(priced.pricedAs).toBe('eu-central-1');
    expect(priced.costs.dynamodb).toBe(0.00000305);
  });
});

describe('WhatsApp charges', () => {
  const message = (overrides: Partial<Extract<UsageEvent, { kind: 'whatsapp' }>>): UsageEvent => ({
    kind: 'whatsapp',
    category: 'utility',
    market: 'KZ',
    billable: true,
    at: JUNE_2026,
    ...overrides,
  });

  it("takes the rate card in force on the message's day, per market and category", () => {
    const priced = priceUsage(
      [
        message({}),
        message({ at: OCTOBER_2026 }),
        message({ market: 'RU', category: 'marketing' }),
        message({ market: 'other', category: 'authentication' }),
        message({ category: 'service', billable: false }),
      ],
      pricing,
      'us-east-1',
    );
    // KZ utility in June 2026 (card of 2025-07-01): 0.0077; in October 2026 (card of 2026-10-01): 0.01
    // RU marketing: 0.0802; other authentication: 0.0077; a service message WhatsApp does not bill: 0
    // 0.0077 + 0.01 + 0.0802 + 0.0077 = 0.1056
    expect(priced.costs.whatsapp).toBe(0.1056);
    expect(priced.quantities).toMatchObject({ whatsappMessages: 5, whatsappBillable: 4 });
  });

  it('attributes a charge to the feature, customer and template that sent it, at the category Meta billed, and names a message older than every card', () => {
    const priced = priceUsage(
      [
        message({ attributeTo: { feature: 'alerts', customerRef: 'c0ffee', template: 'price_alert_notification' } }),
        message({ at: Date.UTC(2025, 0, 10), attributeTo: { feature: 'alerts' } }),
      ],
      pricing,
      'us-east-1',
    );
    expect(priced.attributions).toEqual([
      {
        component: 'whatsapp',
        usd: 0.0077,
        feature: 'alerts',
        customerRef: 'c0ffee',
        template: 'price_alert_notification',
        category: 'utility',
      },
    ]);
    expect(priced.unpriced).toEqual(['whatsapp:KZ:utility']);
  });

  it('bills a marketing template sent through the Marketing Messages API (marketing_lite) at the marketing rate', () => {
    const priced = priceUsage(
      [message({ category: 'marketing_lite', attributeTo: { feature: 'followups', template: 'new_products_notification' } })],
      pricing,
      'us-east-1',
    );
    expect(priced.costs.whatsapp).toBe(0.0604);
    expect(priced.attributions).toEqual([
      { component: 'whatsapp', usd: 0.0604, feature: 'followups', template: 'new_products_notification', category: 'marketing_lite' },
    ]);
    expect(priced.unpriced).toEqual([]);
  });
});

describe('the market of a recipient', () => {
  it.each([
    ['77011234567', 'KZ'], // Kcell mobile, 70x
    ['77771234567', 'KZ'], // Beeline mobile, 77x
    ['77272123456', 'KZ'], // Almaty landline, 727
    ['76012345678', 'KZ'], // 6xx: Kazakh zone codes
    ['70012345678', 'KZ'], // 0xx: Kazakh since 2024
    ['79161234567', 'RU'],
    ['74951234567', 'RU'],
    ['4915112345678', 'other'],
    ['770112345', 'other'],
  ])('%s is billed in %s', (waId, market) => {
    expect(whatsappMarketOf(waId)).toBe(market);
  });
});
