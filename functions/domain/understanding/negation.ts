import type { Word } from './meaning';

// «без ящиков», «не угловой», «without drawers», «айнасыз» is a suffix and is read apart.
const NEGATIONS = new Set(['не', 'без', 'кроме', 'not', 'no', 'without', 'except', 'емес']);

/** Whether the word at this position is negated by the word before it. */
export function isNegatedAt(words: readonly Word[], position: number): boolean {
  return NEGATIONS.has(words[position - 1]?.key ?? '');
}
