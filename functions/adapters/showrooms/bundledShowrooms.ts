import rawShowrooms from '../../../data/showrooms.json' with { type: 'json' };
import { showroomsSchema, type Showroom } from '../../domain/showrooms/showrooms';

let showrooms: readonly Showroom[] | undefined;

/** data/showrooms.json as bundled with the code, validated once per cold start: a typo fails loudly. */
export function bundledShowrooms(): readonly Showroom[] {
  showrooms ??= showroomsSchema.parse(rawShowrooms);
  return showrooms;
}
