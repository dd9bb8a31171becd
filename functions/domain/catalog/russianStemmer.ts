/**
 * The Snowball Russian stemmer (snowballstem.org/algorithms/russian), the
 * version of the snowball-stemmers package the catalog used before, written
 * out for Russian alone: that package ships every language (326 KiB of each
 * Lambda bundle) for the two the search uses. test/catalog/stemmers.test.ts
 * checks it word for word against the package on the app's own vocabulary.
 *
 * Words come lowercased with ё folded to е (russianText.ts normalises them).
 */

const VOWELS = new Set('аеиоуыэюя');

type Endings = ReadonlyMap<string, 1 | 2>;

/** Endings of a step, longest first, each with its group: 1 must follow «а» or «я» (which stays), 2 goes alone. */
function endings(groups: { 1?: string; 2?: string }): Endings {
  const entries: Array<[string, 1 | 2]> = [];
  for (const group of [1, 2] as const) for (const ending of groups[group]?.split(' ') ?? []) entries.push([ending, group]);
  return new Map(entries.sort((a, b) => b[0].length - a[0].length));
}

const PERFECTIVE_GERUND = endings({ 1: 'в вши вшись', 2: 'ив ивши ившись ыв ывши ывшись' });
const ADJECTIVE = endings({ 2: 'ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею' });
const PARTICIPLE = endings({ 1: 'ем нн вш ющ щ', 2: 'ивш ывш ующ' });
const REFLEXIVE = endings({ 2: 'ся сь' });
const VERB = endings({
  1: 'ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно',
  2: 'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю',
});
const NOUN = endings({
  2: 'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я',
});
const DERIVATIONAL = endings({ 2: 'ост ость' });
const SUPERLATIVE = endings({ 2: 'ейш ейше' });

/** RV: after the first vowel; R2: after the second vowel–consonant pair that follows it. */
function regions(word: string): { rv: number; r2: number } {
  const length = word.length;
  const pastNext = (from: number, vowel: boolean): number => {
    for (let index = from; index < length; index++) if (VOWELS.has(word[index]!) === vowel) return index + 1;
    return -1;
  };
  const rv = pastNext(0, true);
  if (rv < 0) return { rv: length, r2: length };
  const r1 = pastNext(rv, false);
  const vowelAfter = r1 < 0 ? -1 : pastNext(r1, true);
  const r2 = vowelAfter < 0 ? -1 : pastNext(vowelAfter, false);
  return { rv, r2: r2 < 0 ? length : r2 };
}

export function russianStem(word: string): string {
  const { rv, r2 } = regions(word);
  let stem = word;
  /** The longest of the endings that lies wholly inside RV. */
  const ending = (list: Endings): [string, 1 | 2] | undefined => {
    for (const entry of list) if (stem.endsWith(entry[0]) && stem.length - entry[0].length >= rv) return entry;
    return undefined;
  };
  const afterAOrYa = (suffix: string): boolean => {
    const before = stem.length - suffix.length - 1;
    return before >= rv && (stem[before] === 'а' || stem[before] === 'я');
  };
  /** Removes the ending if its group allows; whether it did. */
  const remove = (found: [string, 1 | 2] | undefined): boolean => {
    if (found === undefined || (found[1] === 1 && !afterAOrYa(found[0]))) return false;
    stem = stem.slice(0, -found[0].length);
    return true;
  };

  if (!remove(ending(PERFECTIVE_GERUND))) {
    remove(ending(REFLEXIVE));
    if (remove(ending(ADJECTIVE))) remove(ending(PARTICIPLE));
    else if (!remove(ending(VERB))) remove(ending(NOUN));
  }
  if (stem.endsWith('и') && stem.length - 1 >= rv) stem = stem.slice(0, -1);
  const derivational = ending(DERIVATIONAL);
  if (derivational !== undefined && stem.length - derivational[0].length >= r2) remove(derivational);
  // Tidying up: a superlative goes (then «нн» becomes «н»), «нн» becomes «н», or a final soft sign goes.
  const doubleN = () => stem.endsWith('нн') && stem.length - 2 >= rv;
  if (remove(ending(SUPERLATIVE))) {
    if (doubleN()) stem = stem.slice(0, -1);
  } else if (stem.endsWith('н') && stem.length - 1 >= rv) {
    if (doubleN()) stem = stem.slice(0, -1);
  } else if (stem.endsWith('ь') && stem.length - 1 >= rv) {
    stem = stem.slice(0, -1);
  }
  return stem;
}
