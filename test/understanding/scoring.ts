import { understand } from '../../functions/domain/understanding/understand';
import type { Understanding } from '../../functions/domain/understanding/understanding';
import type { LabelledMessage } from './labelled';

export const FIELDS = [
  'intent',
  'category',
  'color',
  'style',
  'budget_min',
  'budget_max',
  'target_price',
  'language',
] as const satisfies readonly (keyof Understanding)[];

export type Field = (typeof FIELDS)[number];

export interface Miss {
  text: string;
  field: Field;
  expected: unknown;
  got: unknown;
}

export interface Score {
  /** Share of all fields of all messages read right; a field absent on both sides is right. */
  overall: number;
  byField: Record<Field, number>;
  misses: Miss[];
  /** Outputs with keys that are not fields of an Understanding. */
  strayKeys: string[];
}

/** Field-level accuracy of `understand` over labelled messages. */
export function score(messages: readonly LabelledMessage[]): Score {
  const misses: Miss[] = [];
  const strayKeys: string[] = [];
  const right = Object.fromEntries(FIELDS.map((field) => [field, 0])) as Record<Field, number>;
  for (const { text, expected } of messages) {
    const got = understand(text);
    for (const key of Object.keys(got)) if (!(FIELDS as readonly string[]).includes(key)) strayKeys.push(`${text}: ${key}`);
    for (const field of FIELDS) {
      if (got[field] === expected[field]) right[field]++;
      else misses.push({ text, field, expected: expected[field], got: got[field] });
    }
  }
  const total = messages.length;
  const byField = Object.fromEntries(FIELDS.map((field) => [field, right[field] / total])) as Record<Field, number>;
  const overall = FIELDS.reduce((sum, field) => sum + right[field], 0) / (total * FIELDS.length);
  return { overall, byField, misses, strayKeys };
}

/** The misses as a table to read when an accuracy assertion fails. */
export function describe(result: Score): string {
  const lines = result.misses.map(
    ({ text, field, expected, got }) => `  ${JSON.stringify(text)}  ${field}: expected ${String(expected)}, got ${String(got)}`,
  );
  const fields = Object.entries(result.byField).map(([field, share]) => `${field} ${(share * 100).toFixed(1)}%`);
  return [`overall ${(result.overall * 100).toFixed(2)}% (${fields.join(', ')})`, `${result.misses.length} misses:`, ...lines].join('\n');
}
