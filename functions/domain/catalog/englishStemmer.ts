/**
 * The Snowball English (Porter2) stemmer, the version of the snowball-stemmers
 * package the catalog used before, written out on its own (see
 * russianStemmer.ts for why). Words come as the search's tokens: lowercase
 * a–z only, so the algorithm's apostrophe rules have nothing to do.
 * test/catalog/stemmers.test.ts checks it word for word against the package.
 */

const VOWELS = new Set('aeiouy');
const isVowel = (letter: string | undefined) => letter !== undefined && VOWELS.has(letter);

const EXCEPTIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    skis: 'ski',
    skies: 'sky',
    dying: 'die',
    lying: 'lie',
    tying: 'tie',
    idly: 'idl',
    gently: 'gentl',
    ugly: 'ugli',
    early: 'earli',
    only: 'onli',
    singly: 'singl',
    sky: 'sky',
    news: 'news',
    howe: 'howe',
    atlas: 'atlas',
    cosmos: 'cosmos',
    bias: 'bias',
    andes: 'andes',
  }),
);
/** Left as they are once Step 1a has run. */
const INVARIANT_AFTER_1A = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);
const R1_PREFIXES = ['gener', 'commun', 'arsen'];
const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
const VALID_LI = new Set('cdeghkmnrt');

const byLengthDescending = <T>(entries: Record<string, T>): Array<[string, T]> =>
  Object.entries(entries).sort((a, b) => b[0].length - a[0].length);

/** Step 2 in R1: the replacement, or a rule on the letter before. */
const STEP_2 = byLengthDescending<string | ((before: string | undefined) => string | undefined)>({
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  abli: 'able',
  entli: 'ent',
  izer: 'ize',
  ization: 'ize',
  ational: 'ate',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  aliti: 'al',
  alli: 'al',
  fulness: 'ful',
  ousli: 'ous',
  ousness: 'ous',
  iveness: 'ive',
  iviti: 'ive',
  biliti: 'ble',
  bli: 'ble',
  ogi: (before) => (before === 'l' ? 'og' : undefined),
  fulli: 'ful',
  lessli: 'less',
  li: (before) => (before !== undefined && VALID_LI.has(before) ? '' : undefined),
});
/** Step 3 in R1 (`ative` only in R2). */
const STEP_3 = byLengthDescending({
  tional: 'tion',
  ational: 'ate',
  alize: 'al',
  icate: 'ic',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
  ative: '',
});
/** Step 4 in R2: deleted (`ion` only after s or t). */
const STEP_4 = [
  'ic',
  'ance',
  'ence',
  'able',
  'ible',
  'ate',
  'ive',
  'ize',
  'iti',
  'al',
  'ism',
  'ion',
  'er',
  'ous',
  'ant',
  'ent',
  'ment',
  'ement',
].sort((a, b) => b.length - a.length);

function longest<T>(word: string, list: ReadonlyArray<readonly [string, T]>): readonly [string, T] | undefined {
  return list.find(([suffix]) => word.endsWith(suffix));
}

/** R1: after the first non-vowel that follows a vowel (or after gener-, commun-, arsen-); R2: the same within R1. */
function regions(word: string): { r1: number; r2: number } {
  const length = word.length;
  const afterVowelThenConsonant = (from: number): number => {
    let index = from;
    while (index < length && !isVowel(word[index])) index++;
    while (index < length && isVowel(word[index])) index++;
    return index < length ? index + 1 : length;
  };
  const prefix = R1_PREFIXES.find((candidate) => word.startsWith(candidate));
  const r1 = prefix === undefined ? afterVowelThenConsonant(0) : prefix.length;
  return { r1, r2: afterVowelThenConsonant(r1) };
}

/** A short syllable ends at `end`: consonant–vowel–consonant (not w, x or Y), or vowel–consonant at the word's start. */
function shortSyllableAt(word: string, end: number): boolean {
  const last = word[end - 1];
  if (end >= 3 && !isVowel(last) && last !== 'w' && last !== 'x' && last !== 'Y' && isVowel(word[end - 2]) && !isVowel(word[end - 3]))
    return true;
  return end === 2 && !isVowel(last) && isVowel(word[0]);
}

export function englishStem(word: string): string {
  const exception = EXCEPTIONS.get(word);
  if (exception !== undefined) return exception;
  if (word.length < 3) return word;

  // Prelude: a y that acts as a consonant (at the start, or after a vowel) becomes Y.
  const letters = [...word];
  letters.forEach((letter, index) => {
    if (letter === 'y' && (index === 0 || isVowel(letters[index - 1]))) letters[index] = 'Y';
  });
  let stem = letters.join('');
  const { r1, r2 } = regions(stem);
  const start = (suffix: string) => stem.length - suffix.length;
  const replace = (suffix: string, by: string) => {
    stem = stem.slice(0, start(suffix)) + by;
  };
  const hasVowelBefore = (end: number) => [...stem.slice(0, end)].some(isVowel);

  // Step 1a
  const step1a = ['sses', 'ied', 'ies', 'ss', 'us', 's'].find((suffix) => stem.endsWith(suffix));
  if (step1a === 'sses') replace('sses', 'ss');
  else if (step1a === 'ied' || step1a === 'ies') replace(step1a, start(step1a) >= 2 ? 'i' : 'ie');
  else if (step1a === 's' && hasVowelBefore(start('s') - 1)) replace('s', '');

  if (!INVARIANT_AFTER_1A.has(stem)) {
    // Step 1b
    const step1b = ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed'].find((suffix) => stem.endsWith(suffix));
    if (step1b === 'eed' || step1b === 'eedly') {
      if (start(step1b) >= r1) replace(step1b, 'ee');
    } else if (step1b !== undefined && hasVowelBefore(start(step1b))) {
      replace(step1b, '');
      if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) stem += 'e';
      else if (DOUBLES.has(stem.slice(-2))) stem = stem.slice(0, -1);
      else if (stem.length === r1 && shortSyllableAt(stem, stem.length)) stem += 'e';
    }
    // Step 1c
    if ((stem.endsWith('y') || stem.endsWith('Y')) && stem.length > 2 && !isVowel(stem[stem.length - 2])) replace('y', 'i');
    // Step 2
    const step2 = longest(stem, STEP_2);
    if (step2 !== undefined && start(step2[0]) >= r1) {
      const [suffix, rule] = step2;
      const by = typeof rule === 'string' ? rule : rule(stem[start(suffix) - 1]);
      if (by !== undefined) replace(suffix, by);
    }
    // Step 3
    const step3 = longest(stem, STEP_3);
    if (step3 !== undefined && start(step3[0]) >= (step3[0] === 'ative' ? r2 : r1)) replace(step3[0], step3[1]);
    // Step 4
    const step4 = STEP_4.find((suffix) => stem.endsWith(suffix));
    if (step4 !== undefined && start(step4) >= r2) {
      const before = stem[start(step4) - 1];
      if (step4 !== 'ion' || before === 's' || before === 't') replace(step4, '');
    }
    // Step 5
    if (stem.endsWith('e')) {
      const at = start('e');
      if (at >= r2 || (at >= r1 && !shortSyllableAt(stem, at))) replace('e', '');
    } else if (stem.endsWith('ll') && start('l') >= r2) {
      replace('l', '');
    }
  }
  return stem.replaceAll('Y', 'y');
}
