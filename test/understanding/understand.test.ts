import { describe as group, expect, it } from 'vitest';
import { understand } from '../../functions/domain/understanding/understand';
import { understandingSchema } from '../../functions/domain/understanding/understanding';
import { LABELLED } from './labelled';
import { describe, score } from './scoring';

group('understand over the labelled messages', () => {
  const result = score(LABELLED);

  it('prints its misses', () => {
    console.log(describe(result));
    expect(result.strayKeys).toEqual([]);
  });

  it('reads at least 95% of all fields right', () => {
    expect(result.overall, describe(result)).toBeGreaterThanOrEqual(0.95);
  });

  it('reads at least 95% of intents right', () => {
    expect(result.byField.intent, describe(result)).toBeGreaterThanOrEqual(0.95);
  });

  it('reads at least 97% of languages right', () => {
    expect(result.byField.language, describe(result)).toBeGreaterThanOrEqual(0.97);
  });

  it('has a balanced set: 200+ messages, every intent, category, colour, style and language', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(200);
    const seen = (field: 'intent' | 'category' | 'color' | 'style' | 'language') =>
      new Set(LABELLED.map(({ expected }) => expected[field]).filter((value) => value !== undefined));
    expect(seen('intent').size).toBe(9);
    expect(seen('category').size).toBe(12);
    expect(seen('color').size).toBe(9);
    expect(seen('style').size).toBe(5);
    expect(seen('language').size).toBe(3);
  });
});

group('understand output', () => {
  it('always fits the shared schema', () => {
    for (const { text } of LABELLED) expect(understandingSchema.safeParse(understand(text)).success, text).toBe(true);
  });

  it('never gives a price alert target as a budget as well', () => {
    for (const { text } of LABELLED) {
      const result = understand(text);
      if (result.target_price !== undefined) {
        expect(result.budget_min, text).toBeUndefined();
        expect(result.budget_max, text).toBeUndefined();
      }
    }
  });

  it('answers anything, including empty and odd input', () => {
    for (const text of ['', '   ', '👍', '???', '1', 'a'.repeat(5000), '\u0000']) {
      expect(understandingSchema.safeParse(understand(text)).success, JSON.stringify(text.slice(0, 20))).toBe(true);
    }
  });

  it('takes under 0.2 ms for a typical message once warm', () => {
    const texts = LABELLED.map(({ text }) => text);
    for (let round = 0; round < 5; round++) for (const text of texts) understand(text);
    const rounds = 20;
    const start = performance.now();
    for (let round = 0; round < rounds; round++) for (const text of texts) understand(text);
    const perMessage = (performance.now() - start) / (rounds * texts.length);
    console.log(`understand: ${(perMessage * 1000).toFixed(1)} µs per message`);
    expect(perMessage).toBeLessThan(0.2);
  });
});
