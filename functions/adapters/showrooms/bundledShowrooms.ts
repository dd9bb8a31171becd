import rawShowrooms from '../../../data/showrooms.json' with { type: 'json' };
import { bundledData } from '../../config/bundledData';
import { showroomsSchema, type Showroom } from '../../domain/showrooms/showrooms';

let showrooms: readonly Showroom[] | undefined;

export const parseBundledShowrooms = (raw: unknown): readonly Showroom[] => showroomsSchema.parse(raw);

/** data/showrooms.json as bundled with the code: validated when the Lambda bundle is built, or at first use elsewhere. */
export function bundledShowrooms(): readonly Showroom[] {
  showrooms ??= bundledData(rawShowrooms, parseBundledShowrooms);
  return showrooms;
}
