import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPricing } from '../../functions/adapters/cost/bundledPricing';
import { InvalidPricingError, parsePricing } from '../../functions/domain/cost/pricingSchema';

const raw = () => JSON.parse(readFileSync(new URL('../../data/pricing.json', import.meta.url), 'utf8')) as Record<string, any>;

describe('data/pricing.json', () => {
  it('is valid, dated, and prices both regions the stack may run in', () => {
    const pricing = bundledPricing();
    expect(pricing.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(pricing.aws)).toEqual(expect.arrayContaining(['us-east-1', 'eu-central-1']));
    expect(pricing.aws[pricing.defaultRegion]).toBeDefined();
    for (const model of ['gpt-4o-mini', 'whisper-1', 'gpt-4o-mini-transcribe']) expect(pricing.openai[model]).toBeDefined();
    for (const market of ['KZ', 'RU', 'other'] as const) expect(pricing.whatsapp[market][0]?.effectiveFrom).toBe('2025-07-01');
  });

  it('fails loudly, naming the place, on a misspelt key', () => {
    const file = raw();
    file.aws['us-east-1'].sqsFifoRequest = file.aws['us-east-1'].sqsFifoRequests;
    delete file.aws['us-east-1'].sqsFifoRequests;
    expect(() => parsePricing(file, 'pricing.json')).toThrow(InvalidPricingError);
    expect(() => parsePricing(file, 'pricing.json')).toThrow(/aws\.us-east-1/);
  });

  it('fails on a price that is not a number, a bad date, or rate cards out of date order', () => {
    const text = raw();
    text.aws['eu-central-1'].lambdaRequests.usd = '0.20';
    expect(() => parsePricing(text, 'pricing.json')).toThrow(/aws\.eu-central-1\.lambdaRequests\.usd/);

    const date = raw();
    date.whatsapp.KZ[0].effectiveFrom = '1 July 2025';
    expect(() => parsePricing(date, 'pricing.json')).toThrow(/whatsapp\.KZ\.0\.effectiveFrom/);

    const order = raw();
    order.whatsapp.RU.reverse();
    expect(() => parsePricing(order, 'pricing.json')).toThrow(/date order/);
  });

  it("marks Kazakhstan's own rates from October 2026 unknown, with the source, until Meta's figures are read", () => {
    const card = bundledPricing().whatsapp.KZ.find((candidate) => candidate.effectiveFrom === '2026-10-01');
    expect(card).toMatchObject({ confirmed: false, unknown: ['utility', 'authentication', 'service'] });
    expect(card?.source).toBe('https://developers.facebook.com/documentation/business-messaging/whatsapp/pricing');
    const file = raw();
    file.whatsapp.KZ[1].confirmed = true;
    expect(() => parsePricing(file, 'pricing.json')).toThrow(/whatsapp\.KZ\.1\.confirmed/);
  });

  it('needs its default region among the priced ones', () => {
    const file = raw();
    file.defaultRegion = 'ap-south-1';
    expect(() => parsePricing(file, 'pricing.json')).toThrow(/defaultRegion/);
  });
});
