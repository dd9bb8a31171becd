import * as z from 'zod';
import { WHATSAPP_CATEGORIES } from './whatsappCategories';

/**
 * The shape of data/pricing.json (data/PRICING.md explains it to finance).
 * Objects are strict, so a misspelt key fails the load instead of silently
 * pricing something at zero.
 */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-25');

export const unitPriceSchema = z.strictObject({
  /** USD for `per` units: 0.2 per 1000000 requests, as the pricing pages write it. */
  usd: z.number().nonnegative(),
  per: z.number().positive(),
  unit: z.string().min(1),
  effectiveFrom: isoDay,
  source: z.url(),
  checked: isoDay,
  /** false: a figure not read off the source itself (an assumption or a recollection) that finance should confirm. */
  confirmed: z.boolean().default(true),
  note: z.string().optional(),
});

const monthlySchema = z.strictObject({
  cloudwatchCustomMetric: unitPriceSchema,
  cloudwatchAlarmMetric: unitPriceSchema,
  cloudwatchDashboard: unitPriceSchema,
  dynamodbPitrGb: unitPriceSchema,
  secretsManagerSecret: unitPriceSchema,
  kmsKey: unitPriceSchema,
  sqsIdlePolling: unitPriceSchema,
});

export const MONTHLY_ITEMS = monthlySchema.keyof().options;
export type MonthlyItem = (typeof MONTHLY_ITEMS)[number];

export const regionalPricesSchema = z.strictObject({
  lambdaGbSecond: z.strictObject({ arm64: unitPriceSchema, x86_64: unitPriceSchema }),
  lambdaRequests: unitPriceSchema,
  httpApiRequests: unitPriceSchema,
  sqsFifoRequests: unitPriceSchema,
  dynamodbWriteRequestUnits: unitPriceSchema,
  dynamodbReadRequestUnits: unitPriceSchema,
  s3PutRequests: unitPriceSchema,
  s3GetRequests: unitPriceSchema,
  schedulerInvocations: unitPriceSchema,
  monthly: monthlySchema,
});

/** A model is priced by tokens, by minutes of audio, or both (minutes when the API reports no tokens). */
export const modelPricesSchema = z
  .strictObject({
    input: unitPriceSchema.optional(),
    cachedInput: unitPriceSchema.optional(),
    output: unitPriceSchema.optional(),
    audioMinute: unitPriceSchema.optional(),
  })
  .refine((model) => model.input !== undefined || model.audioMinute !== undefined, 'a model needs an input or an audioMinute price');

export { WHATSAPP_CATEGORIES, type WhatsAppCategory } from './whatsappCategories';

/** USD per delivered message of each category, from `effectiveFrom` until the next card. */
export const rateCardSchema = z
  .strictObject({
    effectiveFrom: isoDay,
    marketing: z.number().nonnegative(),
    utility: z.number().nonnegative(),
    authentication: z.number().nonnegative(),
    service: z.number().nonnegative(),
    source: z.url(),
    checked: isoDay,
    confirmed: z.boolean().default(true),
    /** Categories whose rate Meta has set but we could not read: their figure is a stand-in, and the report says so. */
    unknown: z.array(z.enum(WHATSAPP_CATEGORIES)).default([]),
    note: z.string().optional(),
  })
  .refine((card) => card.unknown.length === 0 || !card.confirmed, {
    message: 'a card with unknown rates cannot be confirmed',
    path: ['confirmed'],
  });

const rateCardsSchema = z
  .array(rateCardSchema)
  .min(1)
  .refine(
    (cards) => cards.every((card, index) => index === 0 || cards[index - 1]!.effectiveFrom < card.effectiveFrom),
    'rate cards must be in date order, each with its own effectiveFrom',
  );

export const pricingSchema = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.string().min(1),
    lastReviewed: isoDay,
    currency: z.literal('USD'),
    /** Prices used when the function runs in a region the file does not list (the ledger row says so). */
    defaultRegion: z.string().min(1),
    aws: z.record(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-central-1'), regionalPricesSchema),
    /** Bills that do not grow with traffic; reported apart, never spread over conversations. */
    fixedMonthly: z.array(z.strictObject({ item: monthlySchema.keyof(), quantity: z.number().nonnegative(), note: z.string().optional() })),
    openai: z.record(z.string().min(1), modelPricesSchema),
    /** Markets as the ledger names them: KZ, RU and `other` for every other country. */
    whatsapp: z.strictObject({ KZ: rateCardsSchema, RU: rateCardsSchema, other: rateCardsSchema }),
  })
  .refine((pricing) => pricing.defaultRegion in pricing.aws, {
    message: 'defaultRegion must be one of the regions under aws',
    path: ['defaultRegion'],
  });

export type Pricing = z.infer<typeof pricingSchema>;
export type UnitPrice = z.infer<typeof unitPriceSchema>;
export type RegionalPrices = z.infer<typeof regionalPricesSchema>;
export type ModelPrices = z.infer<typeof modelPricesSchema>;
export type RateCard = z.infer<typeof rateCardSchema>;

export class InvalidPricingError extends Error {
  override readonly name = 'InvalidPricingError';
}

/** Validates a pricing file's content; every problem is named by its path ("aws.us-east-1.sqsFifoRequests.usd: ..."). */
export function parsePricing(raw: unknown, origin: string): Pricing {
  const parsed = pricingSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  throw new InvalidPricingError(`${origin} is not a valid pricing file: ${problems.join('; ')}`);
}
