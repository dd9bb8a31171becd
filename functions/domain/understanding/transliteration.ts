// How Russian is typed on a Latin keyboard (ISO-9-ish, with the common
// variants): «hochu krasnyi divan», «zdravstvuyte», «shkaf».
const CLUSTERS: readonly (readonly [string, string])[] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ya', 'я'],
  ['yu', 'ю'],
  ['yo', 'е'],
  ['ye', 'е'],
  ['ja', 'я'],
  ['ju', 'ю'],
  ['jo', 'е'],
];
// Adjective endings spelled with y/i: krasnyi, seryy, siniy, sinij.
const ENDINGS: readonly (readonly [string, string])[] = [
  ['yi', 'ый'],
  ['yy', 'ый'],
  ['iy', 'ий'],
  ['ij', 'ий'],
  ['ii', 'ий'],
];
const LETTERS: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'й',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  z: 'з',
  "'": 'ь',
};
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Reads a Latin-typed Russian word into Cyrillic. */
export function russianFromLatin(word: string): string {
  const ending = ENDINGS.find(([latin]) => word.length > latin.length + 1 && word.endsWith(latin));
  const body = ending ? word.slice(0, -ending[0].length) : word;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const cluster = CLUSTERS.find(([latin]) => body.startsWith(latin, i));
    if (cluster) {
      out += cluster[1];
      i += cluster[0].length - 1;
      continue;
    }
    const char = body[i] ?? '';
    if (char === 'y') {
      out += VOWELS.has(body[i - 1] ?? '') ? 'й' : 'ы';
      continue;
    }
    out += LETTERS[char] ?? char;
  }
  return out + (ending?.[1] ?? '');
}
