import { en } from 'zod/locales';
import type * as z from 'zod/mini';

/**
 * zod's English messages ("Invalid URL", "Too small: expected string to have
 * >=1 characters"), for the parses whose messages someone reads: a
 * configuration error, the webhook's 400, a ledger row or a queued event
 * refused. zod/mini, unlike zod's classic API, loads no locale: without this
 * its schemas say only "Invalid input". Passed to each such parse
 * (`schema.safeParse(value, IN_ENGLISH)`) rather than set with `z.config`,
 * which would make evaluating a module matter (lib/bundling/pureModules.ts).
 */
export const IN_ENGLISH = { error: en().localeError } satisfies z.core.ParseContext<z.core.$ZodIssue>;
