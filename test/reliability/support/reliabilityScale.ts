/**
 * How much of the full load a run uses: `npm test` runs a scaled load to stay
 * inside the whole suite's budget, `npm run test:reliability` sets
 * RELIABILITY_SCALE=1 for the full 5,000 messages from 500 customers.
 */
export const DEFAULT_SCALE = 0.2;

export function reliabilityScale(environment: NodeJS.ProcessEnv = process.env): number {
  const raw = environment.RELIABILITY_SCALE;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SCALE;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) throw new RangeError(`RELIABILITY_SCALE must be in (0, 1]: ${raw}`);
  return scale;
}
