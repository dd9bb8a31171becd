/** Letters Kazakh Cyrillic has and Russian lacks. */
export const KAZAKH_LETTER = /[әғқңөұүһі]/;

// Kazakhs often type on a Russian layout (қ→к, ң→н, ү→у …), and the Latin
// alphabet writes й as i; folding both sides lets either spelling meet.
const FOLD: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  й: 'и',
};

/** Kazakh (or Russian) Cyrillic with the Kazakh-only letters folded to their nearest Russian ones. */
export function foldKazakh(word: string): string {
  let out = '';
  for (const char of word) out += FOLD[char] ?? char;
  return out;
}

// The 2021 Latin alphabet and its earlier drafts (á/ä, ǵ/ğ, ń/ñ, ş, ç ...),
// read into Cyrillic so one vocabulary serves both alphabets.
const LATIN_DIGRAPHS: readonly (readonly [string, string])[] = [
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ya', 'я'],
  ['yu', 'ю'],
];
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  a: 'а',
  á: 'ә',
  ä: 'ә',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  ǵ: 'ғ',
  ğ: 'ғ',
  h: 'һ',
  i: 'і',
  ı: 'ы',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  ń: 'ң',
  ñ: 'ң',
  o: 'о',
  ó: 'ө',
  ö: 'ө',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  ş: 'ш',
  ç: 'ч',
  t: 'т',
  u: 'ұ',
  ú: 'ү',
  ü: 'ү',
  v: 'в',
  w: 'у',
  x: 'х',
  y: 'ы',
  ý: 'у',
  z: 'з',
  "'": '',
};

export function kazakhLatinToCyrillic(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const pair = word.slice(i, i + 2);
    const digraph = LATIN_DIGRAPHS.find(([latin]) => latin === pair);
    if (digraph) {
      out += digraph[1];
      i++;
      continue;
    }
    const char = word[i] ?? '';
    out += LATIN_LETTERS[char] ?? char;
  }
  return out;
}

// Kazakh is agglutinative: plural, possessive and case suffixes stack on a
// root (үстел-дер-і-не). Written folded; vowel harmony gives each two or four shapes.
const SUFFIXES = [
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  'ымыз',
  'имиз',
  'ыныз',
  'иниз',
  'ым',
  'им',
  'ын',
  'ин',
  'сы',
  'си',
  'ы',
  'и',
  'м',
  'ны',
  'ни',
  'ды',
  'ди',
  'ты',
  'ти',
  'н',
  'га',
  'ге',
  'ка',
  'ке',
  'на',
  'не',
  'а',
  'е',
  'нда',
  'нде',
  'да',
  'де',
  'та',
  'те',
  'нан',
  'нен',
  'дан',
  'ден',
  'тан',
  'тен',
  'нын',
  'нин',
  'дын',
  'дин',
  'тын',
  'тин',
  'мен',
  'бен',
  'пен',
  'дагы',
  'деги',
  'тагы',
  'теги',
  'лык',
  'лик',
  'дык',
  'дик',
  'тык',
  'тик',
];
const FIRST_PERSON = new Set(['ым', 'им', 'м', 'ымыз', 'имиз']);
const MIN_ROOT = 3;
const MAX_SUFFIXES = 3;

export interface KazakhReading {
  root: string;
  /** Carries «my»: диван-ым-а «to my sofa» names what the customer owns, not what they want. */
  mine: boolean;
}

/** Every way a folded word splits into a root and up to three suffixes, the word itself first. */
export function kazakhReadings(folded: string): KazakhReading[] {
  const queue = [{ root: folded, mine: false, suffixes: 0 }];
  const seen = new Set([folded]);
  for (let i = 0; i < queue.length; i++) {
    const reading = queue[i];
    if (!reading || reading.suffixes >= MAX_SUFFIXES) continue;
    for (const suffix of SUFFIXES) {
      if (!reading.root.endsWith(suffix) || reading.root.length - suffix.length < MIN_ROOT) continue;
      const root = reading.root.slice(0, -suffix.length);
      if (seen.has(root)) continue;
      seen.add(root);
      queue.push({ root, mine: reading.mine || FIRST_PERSON.has(suffix), suffixes: reading.suffixes + 1 });
    }
  }
  return queue.map(({ root, mine }) => ({ root, mine }));
}
