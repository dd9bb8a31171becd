import type { Category, Color, Style } from '../catalog/product';
import type { Concept, ItemGroup } from './lexicon';
import type { Word } from './meaning';
import { foldKazakh } from './kazakh';
import { numberWordValue } from './numbers';
import type { Token } from './tokens';

export interface AttributeSpan {
  field: 'category' | 'color' | 'style';
  start: number;
  end: number;
}

/** A piece of furniture the message asks for, with how many when it says («стол и 4 стула»). */
export interface ItemMention {
  category: Category;
  quantity?: number;
}

export interface Attributes {
  category?: Category;
  color?: Color;
  style?: Style;
  /** Where in the message each attribute was read. */
  spans: AttributeSpan[];
  /** Every item asked for, in order: more than one makes a set («диван и два кресла»). */
  items: ItemMention[];
  /** The kind of thing the customer already has, named after «к»: «матрас к кровати» is for a bed. */
  owned?: Category;
}

// A sort word narrows an item only this close to it (журнальный … столик).
const SORT_REACH = 3;
// «к моему светло-серому угловому дивану»: how far the owned noun may stand from «к»/«моему».
const OWNED_REACH = 4;
const CLAUSE_BREAKS = new Set([',', '.', ';', '!', '?', ':', '(', ')', '…']);
// Words after which the next noun phrase is something the customer already has:
// «к моему серому дивану», «my grey sofa», «менің диваным».
const POSSESSION_STARTERS = new Set([
  'к',
  'мои',
  'моя',
  'мое',
  'моего',
  'моему',
  'моим',
  'моем',
  'моеи',
  'мою',
  'наш',
  'нашего',
  'нашему',
  'нашеи',
  'наши',
  'нашим',
  'my',
  'our',
  'менин',
]);
// «матрас под эту кровать», «a mattress for this bed»: the piece named with «этот» is the one on screen.
const DEMONSTRATIVES = new Set([
  'этот',
  'эта',
  'эту',
  'этой',
  'этому',
  'этого',
  'этим',
  'этом',
  'такои',
  'такая',
  'такую',
  'такому',
  'такого',
  'this',
  'that',
  'осы',
  'сол',
  'бул',
]);
const NEGATIONS = new Set(['не', 'без', 'кроме', 'not', 'no', 'except', 'without', 'non']);
// Words that may stand between a negation and what it negates: «не слишком тёмный».
const SOFTENERS = new Set(['очень', 'слишком', 'совсем', 'сильно', 'very', 'too', 'so', 'really']);
// Kazakh negates after the word: «қара емес».
const NEGATIONS_AFTER = new Set(['емес']);
const ADJECTIVE_ENDING = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ую|юю|ым|им|ых|их|ыми|ими|ей)$/;

interface Candidate {
  word: Word;
  position: number;
  clause: number;
}

/**
 * The category, colour and style the customer asks for. An item's kind is
 * narrowed by a sort word near it (письменный стол → desk); negated words
 * («только не черный») and what the customer already owns («к моему серому
 * дивану») do not count; the first mention wins; of a hyphenated colour
 * compound the last part does (серо-голубой → blue).
 */
export function readAttributes(words: readonly Word[], tokens: readonly Token[]): Attributes {
  const clauses = clauseOf(words, tokens);
  const owned = ownedPositions(words, tokens, clauses);
  const excluded = new Set([...owned, ...negatedPositions(words, clauses)]);
  const candidates: Candidate[] = [];
  words.forEach((word, position) => {
    if (!excluded.has(position) && word.concepts.length > 0) candidates.push({ word, position, clause: clauses[position] ?? 0 });
  });

  // The piece pointed at («эту кровать») is what another is for; it names the category only when nothing else does.
  const pointed = new Set(candidates.filter((candidate) => isPointedAt(words, candidate.position)).map((candidate) => candidate.position));
  const asked = candidates.filter((candidate) => !pointed.has(candidate.position));
  const chooseFrom = asked.some(({ word }) => conceptOf(word, 'item')) ? asked : candidates;
  const attributes: Attributes = { spans: [], items: readItems(asked, tokens) };
  const pointedItem = candidates.find((candidate) => pointed.has(candidate.position) && conceptOf(candidate.word, 'item'));
  const pointedConcept = pointedItem && conceptOf(pointedItem.word, 'item');
  if (pointedConcept && chooseFrom === asked) attributes.owned = pointedConcept.category;
  const ownedItem = owned.map((position) => words[position] && conceptOf(words[position], 'item')).find((concept) => concept !== undefined);
  if (ownedItem) attributes.owned = ownedItem.category;
  const narrowing = new Set<number>();
  const category = readCategory(chooseFrom, narrowing);
  if (category) {
    attributes.category = category.value;
    for (const used of category.words) attributes.spans.push(span('category', used));
  }
  const color = readColor(candidates, narrowing);
  if (color) {
    attributes.color = color.value;
    attributes.spans.push(span('color', color.word));
  }
  const style = candidates.find(({ word }) => conceptOf(word, 'style'));
  const styleConcept = style && conceptOf(style.word, 'style');
  if (style && styleConcept) {
    attributes.style = styleConcept.style;
    attributes.spans.push(span('style', style.word));
  }
  return attributes;
}

/** An item with a demonstrative right before it, or before the words describing it («эту белую кровать»). */
function isPointedAt(words: readonly Word[], position: number): boolean {
  for (let before = position - 1; before >= Math.max(0, position - OWNED_REACH); before--) {
    const word = words[before];
    if (!word) return false;
    if (DEMONSTRATIVES.has(word.key)) return true;
    const describes = word.concepts.some((concept) => concept.kind !== 'item') || ADJECTIVE_ENDING.test(word.key);
    if (!describes || word.concepts.some((concept) => concept.kind === 'item')) return false;
  }
  return false;
}

function conceptOf<K extends Concept['kind']>(word: Word, kind: K): Extract<Concept, { kind: K }> | undefined {
  return word.concepts.find((concept): concept is Extract<Concept, { kind: K }> => concept.kind === kind);
}

function span(field: AttributeSpan['field'], word: Word): AttributeSpan {
  return { field, start: word.token.start, end: word.token.end };
}

function clauseOf(words: readonly Word[], tokens: readonly Token[]): number[] {
  let clause = 0;
  let tokenIndex = 0;
  return words.map((word) => {
    for (; tokenIndex < word.index; tokenIndex++) {
      const token = tokens[tokenIndex];
      if (token?.kind === 'symbol' && CLAUSE_BREAKS.has(token.text)) clause++;
    }
    return clause;
  });
}

function ownedPositions(words: readonly Word[], tokens: readonly Token[], clauses: readonly number[]): number[] {
  const owned: number[] = [];
  words.forEach((word, position) => {
    if (word.mine) owned.push(position);
    // «200к» is an amount, not the preposition к.
    const afterNumber = tokens[word.index - 1]?.kind === 'number';
    if (!POSSESSION_STARTERS.has(word.key) || afterNumber) return;
    const phrase: number[] = [];
    for (let next = position + 1; next <= position + OWNED_REACH && clauses[next] === clauses[position]; next++) {
      const candidate = words[next];
      if (!candidate) break;
      phrase.push(next);
      if (conceptOf(candidate, 'item')) {
        owned.push(...phrase);
        return;
      }
      // Only describing words may stand between «моему» and the noun.
      const describes = candidate.token.script === 'latin' || candidate.concepts.length > 0 || ADJECTIVE_ENDING.test(candidate.key);
      if (!describes) return;
    }
  });
  return owned;
}

function negatedPositions(words: readonly Word[], clauses: readonly number[]): number[] {
  const negated: number[] = [];
  words.forEach((word, position) => {
    if (NEGATIONS.has(word.key)) {
      let next = position + 1;
      while (SOFTENERS.has(words[next]?.key ?? '')) next++;
      if (clauses[next] === clauses[position] && words[next]?.concepts.length) negated.push(next);
    }
    if (NEGATIONS_AFTER.has(word.key) && words[position - 1]?.concepts.length) negated.push(position - 1);
  });
  return negated;
}

// «2 стула», «четыре стула», «two chairs»: a count right before the item (or its sort word).
const MAX_QUANTITY = 20;

function readItems(candidates: readonly Candidate[], tokens: readonly Token[]): ItemMention[] {
  const items: ItemMention[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const concept = conceptOf(candidate.word, 'item');
    if (!concept) continue;
    // «диван-кровать», «sofa bed»: one piece named by two nouns in a row.
    const previous = candidates[index - 1];
    if (
      previous &&
      previous.position === candidate.position - 1 &&
      previous.clause === candidate.clause &&
      conceptOf(previous.word, 'item')
    )
      continue;
    const sort = concept.group ? nearestSort(candidates, candidate, concept.group) : undefined;
    const sortConcept = sort && conceptOf(sort.word, 'sort');
    const first = sort && sort.word.index < candidate.word.index ? sort.word : candidate.word;
    const quantity = quantityBefore(tokens, first.index);
    items.push({ category: sortConcept ? sortConcept.category : concept.category, ...(quantity ? { quantity } : {}) });
  }
  return items;
}

function quantityBefore(tokens: readonly Token[], index: number): number | undefined {
  const before = tokens[index - 1];
  if (!before) return undefined;
  const value =
    before.kind === 'number' ? Number(before.text) : before.kind === 'word' ? numberWordValue(foldKazakh(before.text)) : undefined;
  return value !== undefined && Number.isInteger(value) && value > 1 && value <= MAX_QUANTITY ? value : undefined;
}

function readCategory(candidates: readonly Candidate[], narrowing: Set<number>): { value: Category; words: Word[] } | undefined {
  const item = candidates.find(({ word }) => conceptOf(word, 'item'));
  const itemConcept = item && conceptOf(item.word, 'item');
  if (item && itemConcept) {
    const group = itemConcept.group;
    const sort = group ? nearestSort(candidates, item, group) : undefined;
    const sortConcept = sort && conceptOf(sort.word, 'sort');
    if (sort && sortConcept) {
      narrowing.add(sort.position);
      return { value: sortConcept.category, words: [sort.word, item.word].sort((a, b) => a.index - b.index) };
    }
    return { value: itemConcept.category, words: [item.word] };
  }
  for (const candidate of candidates) {
    const sortConcept = conceptOf(candidate.word, 'sort');
    if (sortConcept?.alone) {
      narrowing.add(candidate.position);
      return { value: sortConcept.category, words: [candidate.word] };
    }
  }
  return undefined;
}

function nearestSort(candidates: readonly Candidate[], item: Candidate, group: ItemGroup): Candidate | undefined {
  let nearest: Candidate | undefined;
  for (const candidate of candidates) {
    const distance = Math.abs(candidate.position - item.position);
    if (candidate.clause !== item.clause || distance === 0 || distance > SORT_REACH) continue;
    if (!conceptOf(candidate.word, 'sort')?.groups.includes(group)) continue;
    if (!nearest || distance < Math.abs(nearest.position - item.position)) nearest = candidate;
  }
  return nearest;
}

function readColor(candidates: readonly Candidate[], narrowing: ReadonlySet<number>): { value: Color; word: Word } | undefined {
  // «Кофейный столик» is a coffee table, not a brown one.
  const colors = candidates.filter(({ word, position }) => conceptOf(word, 'color') && !narrowing.has(position));
  const first = colors[0];
  if (!first) return undefined;
  let chosen = first;
  for (const next of colors.slice(1)) {
    if (next.position !== chosen.position + 1 || !next.word.hyphenated) break;
    chosen = next;
  }
  const concept = conceptOf(chosen.word, 'color');
  return concept && { value: concept.color, word: chosen.word };
}
