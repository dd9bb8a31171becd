import { expect, it } from 'vitest';
import { HELD_OUT } from './heldout';
import { describe, score } from './scoring';

// Messages the engine was never tuned on: the honest measure of how it does on new text.
it('reads at least 90% of the held-out fields right', () => {
  const result = score(HELD_OUT);
  console.log(`held-out: ${describe(result)}`);
  expect(HELD_OUT.length).toBe(30);
  expect(result.overall, describe(result)).toBeGreaterThanOrEqual(0.9);
});
