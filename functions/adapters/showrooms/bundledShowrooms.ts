import rawShowrooms from '../../../data/showrooms.json' with { type: 'json' };
import { showroomsSchema, type Showroom } from '../../domain/showrooms/showrooms';

let showrooms: readonly Showroom[] | undefined;

export const parseBundledShowrooms = (raw: unknown): readonly Showroom[] => showroomsSchema.parse(raw);

/** data/showrooms.json as bundled with the code: validated when the Lambda bundle is built, or at first use elsewhere. */
export function bundledShowrooms(): readonly Showroom[] {
  // Validated when the Lambda bundle was built (lib/bundling/dataModules.ts): there, this condition is a constant.
  showrooms ??= process.env.ZETA_BUNDLED_DATA === 'validated' ? rawShowrooms : parseBundledShowrooms(rawShowrooms);
  return showrooms;
}
