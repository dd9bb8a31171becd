import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { parseEnvironment } from '../../functions/config/environment';
import { parseLedgerRow } from '../../functions/domain/cost/ledgerRowSchema';
import { parseWebhook } from '../../functions/webhook/queuedEvents';

/**
 * The webhook loads zod/mini only, which sets no locale: what it refuses must
 * still say why in words, as zod's classic API did (the 400 Meta or a
 * developer gets, the configuration error of a failed cold start).
 */
describe('what the webhook refuses, in words', () => {
  it('is said in English with no locale set globally, as in the webhook bundle', () => {
    // Nothing this file loads sets one (zod classic would): the messages come from the parses themselves.
    expect(z.config().localeError).toBeUndefined();
    expect(() => parseWebhook({ object: 'whatsapp_business_account', entry: [] }, Date.now(), '100000000000001')).toThrow(
      'Malformed payload: entry: Too small: expected array to have >=1 items',
    );
    expect(() => parseWebhook({ object: 'whatsapp_business_account', entry: [{ changes: [] }] }, Date.now(), '1')).toThrow(
      'Malformed payload: entry.0.id: Invalid input: expected string, received undefined',
    );
    expect(() => parseEnvironment({ GRAPH_API_BASE_URL: 'graph.facebook.com', VOICE_MAX_SECONDS: '0', MANAGER_DAYS: '9' })).toThrow(
      'Invalid configuration: GRAPH_API_BASE_URL: Invalid URL; VOICE_MAX_SECONDS: Too small: expected number to be >0; MANAGER_DAYS: like 1-6',
    );
    expect(() => parseLedgerRow({ at: 'yesterday' })).toThrow(/^not a ledger row: at: Invalid ISO datetime; function: Invalid input/);
  });
});
