import type { Word } from './meaning';
import { findLabels, labelledPhrases } from './phrases';
import type { Token } from './tokens';

/**
 * What a follow-up points at: places in the last list shown («покажи второй»,
 * «2шы», «the 3rd one»), its last one, the product in focus («этот», «к нему»,
 * «it»), or the whole list («из них», «them»).
 */
export type Reference =
  | { kind: 'ordinal'; positions: number[]; /** A bare number («а 3?»): an ordinal only when nothing else fits. */ weak?: boolean }
  | { kind: 'last' }
  | { kind: 'focus' }
  | { kind: 'all' };

// Mixed speech puts Kazakh endings on Russian ordinals: «второйын», «третьесін».
const RUSSIAN_ORDINAL =
  /^(перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят)(?:ый|ой|ий|ая|ое|ую|ого|ому|ом|ые|ых|ья|ье|ью|ьего|ьей|ьем|ьи|ей)(?:ын|ін|ны|ні|сын|сін|сы|сі|ды|ді)?$/u;
const RUSSIAN_STEMS = ['перв', 'втор', 'трет', 'четверт', 'пят', 'шест', 'седьм', 'восьм', 'девят', 'десят'];
// Folded Kazakh ordinals; suffixes may follow (екіншісін, үшіншіні).
const KAZAKH_ORDINALS = ['биринши', 'екинши', 'ушинши', 'тортинши', 'бесинши', 'алтыншы', 'жетинши', 'сегизинши', 'тогызыншы', 'оныншы'];
// Every ordinal word starts so: most words are ruled out by their first three letters.
const ORDINAL_BEGINNINGS = new Set([...RUSSIAN_STEMS, ...KAZAKH_ORDINALS].map((stem) => stem.slice(0, 3).replace('й', 'и')));
const ENGLISH_ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
// What may stand right after a digit to make it an ordinal: «2-й», «2ой», «3rd», «2шы», «2-ші», «2-сін».
const ORDINAL_SUFFIX = /^(?:й|я|е|ю|го|ое|ой|ая|ую|ий|st|nd|rd|th|ш[іыи]\p{L}*)$/u;
const NUMBER_MARKERS = new Set(['№', '#', 'номер', 'вариант', 'number', 'option', 'no', 'нөмір', 'нумер', 'позици', 'позиция']);
const MAX_POSITION = 10;

const POINTERS = labelledPhrases<'last' | 'focus' | 'all'>({
  last: ['последн*', 'last', 'соңғы*'],
  focus: [
    'этот',
    'эта',
    'эту',
    'этого',
    'этой',
    'этом',
    'этим',
    'этому',
    'такой',
    'такая',
    'такую',
    'такое',
    'он',
    'она',
    'оно',
    'его',
    'ее',
    'него',
    'нее',
    'нему',
    'ней',
    'ним',
    'нем',
    'it',
    'its',
    'this',
    'that one',
    'this one',
    'осы*',
    'бұл',
    'бұны',
    'мұны',
    'мұның',
    'оны',
    'оған',
    'оның',
    'сол',
    'соны',
    'соған',
  ],
  all: ['они', 'их', 'них', 'ними', 'этих', 'эти', 'these', 'them', 'those', 'олар*', 'осылар*', 'all of them'],
});

/** The first thing the message points at, if it points at any. */
export function readReference(words: readonly Word[], tokens: readonly Token[]): Reference | undefined {
  const positions = ordinalPositions(words, tokens);
  if (positions.length > 0) return { kind: 'ordinal', positions };
  const pointer = findLabels(words, POINTERS)[0];
  if (pointer) return { kind: pointer.label };
  const bare = bareNumber(tokens);
  return bare === undefined ? undefined : { kind: 'ordinal', positions: [bare], weak: true };
}

function ordinalPositions(words: readonly Word[], tokens: readonly Token[]): number[] {
  const positions: number[] = [];
  const add = (position: number) => {
    if (position >= 0 && position < MAX_POSITION && !positions.includes(position)) positions.push(position);
  };
  for (const word of words) {
    const beginning = word.key.slice(0, 3);
    if (ORDINAL_BEGINNINGS.has(beginning)) {
      const russian = RUSSIAN_ORDINAL.exec(word.token.text);
      if (russian) add(RUSSIAN_STEMS.indexOf(russian[1] ?? ''));
      const kazakh = KAZAKH_ORDINALS.findIndex((ordinal) => word.key.startsWith(ordinal));
      if (kazakh >= 0) add(kazakh);
    }
    const english = ENGLISH_ORDINALS.indexOf(word.token.text);
    if (english >= 0) add(english);
  }
  tokens.forEach((token, index) => {
    if (token.kind !== 'number' || !/^\d{1,2}$/.test(token.text)) return;
    const value = Number(token.text) - 1;
    const next = tokens[index + 1];
    const afterHyphen = next?.text === '-' && !next.spaced ? tokens[index + 2] : next;
    const suffixed = afterHyphen?.kind === 'word' && !afterHyphen.spaced && ORDINAL_SUFFIX.test(afterHyphen.text);
    const marked = NUMBER_MARKERS.has(tokens[index - 1]?.text ?? '');
    if (suffixed || marked) add(value);
  });
  return positions;
}

/** A lone small number with at most one word beside it: «2», «а 3?», «покажи 4». */
function bareNumber(tokens: readonly Token[]): number | undefined {
  const numbers = tokens.filter((token) => token.kind === 'number');
  const words = tokens.filter((token) => token.kind === 'word');
  const only = numbers[0];
  if (numbers.length !== 1 || !only || words.length > 2 || !/^\d{1,2}$/.test(only.text)) return undefined;
  const value = Number(only.text);
  return value >= 1 && value <= MAX_POSITION ? value - 1 : undefined;
}
