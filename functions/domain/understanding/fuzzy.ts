/**
 * Typos a word of the vocabulary tolerates: one for five letters or more, two
 * for eight or more. Shorter words have too many real neighbours («стол»,
 * «стул», «стал») to guess at.
 */
export function typoTolerance(vocabularyWord: string): number {
  if (vocabularyWord.length >= 8) return 2;
  if (vocabularyWord.length >= 5) return 1;
  return 0;
}

const VOWELS = new Set([...'аеёиоуыэюяaeiouy']);
// Mistyping a vowel, doubling or undoubling a letter (стелаж, диванн) or
// swapping two letters leaves a word recognisable; any other consonant
// changed, added or dropped usually makes another real word (графит/график,
// комод/комок, диван/Диана), so it counts double.
function substitutionCost(a: string, b: string): number {
  return VOWELS.has(a) && VOWELS.has(b) ? 1 : 2;
}
function insertionCost(word: string, index: number): number {
  const letter = word[index] ?? '';
  return VOWELS.has(letter) || word[index - 1] === letter || word[index + 1] === letter ? 1 : 2;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions,
 * deletions, substitutions and swaps of neighbours) with the costs above,
 * or `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  // Every letter added or dropped costs at least one.
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = [0];
  for (let j = 1; j <= b.length; j++) previous.push((previous[j - 1] ?? 0) + insertionCost(b, j - 1));
  for (let i = 1; i <= a.length; i++) {
    const letter = a[i - 1] ?? '';
    const current = [(previous[0] ?? 0) + insertionCost(a, i - 1)];
    let rowMinimum = current[0] ?? 0;
    for (let j = 1; j <= b.length; j++) {
      const other = b[j - 1] ?? '';
      let value = Math.min(
        (previous[j] ?? 0) + insertionCost(a, i - 1),
        (current[j - 1] ?? 0) + insertionCost(b, j - 1),
        (previous[j - 1] ?? 0) + (letter === other ? 0 : substitutionCost(letter, other)),
      );
      if (i > 1 && j > 1 && letter === b[j - 2] && a[i - 2] === other) value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? limit + 1, limit + 1);
}
