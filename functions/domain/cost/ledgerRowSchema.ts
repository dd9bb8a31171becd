import * as z from 'zod/mini';
import { IN_ENGLISH } from '../../validation/issueMessages';
import { COST_COMPONENTS, type CostComponent } from './costComponents';
import type { LedgerRow } from './ledgerRow';

// Apart from the row itself: a function that only writes rows (the webhook) builds no schema.
const costsSchema = z.strictObject(
  Object.fromEntries(COST_COMPONENTS.map((component) => [component, z.number()])) as Record<CostComponent, z.ZodMiniNumber>,
);

/** Rows come back from DynamoDB or over HTTP (`zeta cost report --local`): checked before they are summed. */
const ledgerRowSchema = z.object({
  at: z.iso.datetime(),
  function: z.string(),
  requestId: z.string(),
  feature: z.string(),
  customerRef: z.optional(z.string()),
  inbound: z.optional(z.record(z.string(), z.number())),
  region: z.string(),
  pricingVersion: z.string(),
  costs: costsSchema,
  totalUsd: z.number(),
  quantities: z.record(z.string(), z.number()),
  analytics: z.record(z.string(), z.number()),
  attributions: z.optional(
    z.array(
      z.object({
        component: z.enum(COST_COMPONENTS),
        usd: z.number(),
        feature: z.string(),
        customerRef: z.optional(z.string()),
        template: z.optional(z.string()),
        category: z.optional(z.string()),
      }),
    ),
  ),
  unpriced: z.optional(z.array(z.string())),
});

export class InvalidLedgerRowError extends Error {
  override readonly name = 'InvalidLedgerRowError';
}

export function parseLedgerRow(raw: unknown): LedgerRow {
  const parsed = ledgerRowSchema.safeParse(raw, IN_ENGLISH);
  if (!parsed.success) {
    throw new InvalidLedgerRowError(
      `not a ledger row: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data as LedgerRow;
}
