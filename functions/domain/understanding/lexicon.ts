import type { Category, Color, Style } from '../catalog/product';

/** Nouns whose category depends on a word next to them: стол → письменный стол. */
export type ItemGroup = 'table' | 'cabinet' | 'stand';

export type Concept =
  /** A piece of furniture; with a group, its default until a sort word narrows it. */
  | { kind: 'item'; category: Category; group?: ItemGroup }
  /** A word that picks the kind of a grouped item (журнальный стол); `alone` when it names the item by itself too. */
  | { kind: 'sort'; groups: readonly ItemGroup[]; category: Category; alone?: boolean }
  | { kind: 'color'; color: Color }
  | { kind: 'style'; style: Style };

/**
 * The words behind one concept, per language and word shape:
 * - `nouns`: Russian nouns in the nominative singular; their class (стол,
 *   софа, кресло, кровать) decides the endings and diminutives they take
 *   (russianMorphology.ts);
 * - `adjectives`: Russian adjective roots (красн, серо-, бежев);
 * - `words`: whole words that do not inflect, in any script (тв, купе, венге);
 * - `kazakh`: Kazakh roots; nouns are met after their suffixes are stripped (kazakh.ts),
 *   and also when typed without Kazakh letters (қ → к, ү → у …);
 * - `english`: English words in the singular; plurals are derived.
 */
export interface VocabularyEntry {
  concept: Concept;
  nouns?: readonly string[];
  adjectives?: readonly string[];
  words?: readonly string[];
  kazakh?: readonly string[];
  english?: readonly string[];
}

const item = (category: Category, group?: ItemGroup): Concept => (group ? { kind: 'item', category, group } : { kind: 'item', category });
const sort = (groups: readonly ItemGroup[], category: Category, alone = false): Concept =>
  alone ? { kind: 'sort', groups, category, alone } : { kind: 'sort', groups, category };
const color = (value: Color): Concept => ({ kind: 'color', color: value });
const style = (value: Style): Concept => ({ kind: 'style', style: value });

export const VOCABULARY: readonly VocabularyEntry[] = [
  // Тахта and кушетка are low sofas in a shop's catalogue, not beds.
  { concept: item('sofa'), nouns: ['диван', 'софа', 'тахта', 'кушетка'], english: ['sofa', 'couch', 'settee', 'divan', 'loveseat'] },
  { concept: item('armchair'), nouns: ['кресло', 'качалка'], english: ['armchair', 'recliner'] },
  { concept: item('chair'), nouns: ['стул', 'табурет', 'табуретка'], english: ['chair', 'stool'], kazakh: ['орындық'] },
  { concept: item('dining_table', 'table'), nouns: ['стол'], english: ['table'], kazakh: ['үстел'] },
  // A «столик» on its own is the small table of a living room.
  { concept: item('coffee_table', 'table'), nouns: ['столик'] },
  { concept: item('desk'), nouns: ['парта'], english: ['desk'] },
  { concept: item('bed'), nouns: ['кровать'], english: ['bed', 'crib', 'cot'], kazakh: ['кереует', 'төсек'] },
  { concept: item('mattress'), nouns: ['матрас', 'матрац'], english: ['mattress'] },
  { concept: item('wardrobe', 'cabinet'), nouns: ['шкаф'], english: ['cabinet', 'cupboard'] },
  { concept: item('wardrobe'), nouns: ['гардероб'], adjectives: ['гардеробн'], english: ['wardrobe', 'closet', 'armoire'] },
  { concept: item('dresser'), nouns: ['комод'], english: ['dresser', 'chest', 'commode', 'nightstand'] },
  {
    concept: item('shelf'),
    nouns: ['стеллаж', 'полка', 'этажерка'],
    english: ['shelf', 'shelving', 'bookcase', 'bookshelf', 'rack'],
    kazakh: ['сөре'],
  },
  // A тумба alone is most often the TV stand; the catalogue has no other.
  { concept: item('tv_stand', 'stand'), nouns: ['тумба'], english: ['stand'] },

  { concept: sort(['table'], 'coffee_table', true), adjectives: ['журнальн'] },
  { concept: sort(['table'], 'coffee_table'), adjectives: ['кофейн'], nouns: ['журнал'], words: ['кофе'], english: ['coffee', 'side'] },
  { concept: sort(['table'], 'desk', true), adjectives: ['письменн', 'компьютерн'] },
  {
    concept: sort(['table'], 'desk'),
    adjectives: ['рабоч', 'офисн'],
    nouns: ['работа', 'учеба', 'компьютер'],
    english: ['writing', 'computer', 'office', 'work', 'study'],
    kazakh: ['жұмыс', 'жазу'],
  },
  { concept: sort(['table'], 'dining_table', true), adjectives: ['обеденн'] },
  { concept: sort(['table'], 'dining_table'), adjectives: ['кухонн'], nouns: ['кухня'], english: ['dining', 'kitchen'], kazakh: ['ас'] },
  { concept: sort(['cabinet'], 'shelf', true), adjectives: ['книжн'] },
  { concept: sort(['cabinet'], 'shelf'), nouns: ['книга'], english: ['book'], kazakh: ['кітап'] },
  { concept: sort(['cabinet'], 'wardrobe', true), words: ['купе'] },
  { concept: sort(['cabinet'], 'wardrobe'), nouns: ['одежда'], kazakh: ['киім'] },
  {
    concept: sort(['stand', 'cabinet', 'table'], 'tv_stand', true),
    nouns: ['телевизор', 'телек'],
    words: ['тв', 'tv'],
    english: ['television', 'media'],
    kazakh: ['теледидар'],
  },
  // A bedside тумбочка or table is a small chest of drawers.
  { concept: sort(['stand', 'table'], 'dresser', true), adjectives: ['прикроватн'], english: ['bedside', 'night'] },
  // A dressing table is sold as a dresser with a mirror («комод и туалетный столик сразу»).
  { concept: sort(['table'], 'dresser'), adjectives: ['туалетн'], english: ['dressing', 'vanity'] },

  {
    concept: color('red'),
    adjectives: ['красн', 'бордов', 'вишнев', 'малинов', 'розов', 'терракотов', 'кораллов'],
    english: ['red', 'burgundy', 'maroon', 'crimson', 'scarlet', 'pink', 'cherry', 'wine', 'terracotta'],
    kazakh: ['қызыл', 'қызғылт'],
  },
  {
    concept: color('blue'),
    adjectives: ['син', 'голуб', 'бирюзов', 'лазурн', 'васильков'],
    words: ['индиго', 'navy'],
    english: ['blue', 'turquoise', 'teal', 'azure', 'indigo', 'cobalt'],
    kazakh: ['көк', 'көгілдір'],
  },
  { concept: color('white'), adjectives: ['бел', 'белоснежн'], english: ['white'], kazakh: ['ақ'] },
  { concept: color('black'), adjectives: ['черн'], english: ['black'], kazakh: ['қара'] },
  {
    concept: color('grey'),
    adjectives: ['сер', 'графитов', 'пепельн', 'серебрист', 'антрацитов', 'дымчат', 'мышин'],
    nouns: ['графит', 'антрацит'],
    english: ['grey', 'gray', 'graphite', 'charcoal', 'silver', 'anthracite'],
    kazakh: ['сұр', 'сұрғылт'],
  },
  // Wood tones (орех, венге) are sold as brown.
  {
    concept: color('brown'),
    adjectives: ['коричнев', 'шоколадн', 'орехов', 'каштанов', 'коньячн', 'кофейн'],
    nouns: ['орех', 'шоколад'],
    words: ['венге', 'мокко'],
    english: ['brown', 'walnut', 'chocolate', 'wenge', 'mocha', 'chestnut', 'coffee'],
    kazakh: ['қоңыр'],
  },
  {
    concept: color('green'),
    adjectives: ['зелен', 'изумрудн', 'оливков', 'мятн', 'салатов', 'фисташков'],
    words: ['хаки'],
    english: ['green', 'emerald', 'olive', 'mint', 'sage', 'khaki'],
    kazakh: ['жасыл'],
  },
  // Слоновая кость (ivory) is a shade of cream.
  {
    concept: color('beige'),
    adjectives: ['бежев', 'кремов', 'молочн', 'песочн', 'слонов'],
    words: ['беж', 'айвори'],
    english: ['beige', 'cream', 'ivory', 'sand', 'sandy', 'taupe', 'nude'],
  },
  {
    concept: color('yellow'),
    adjectives: ['желт', 'горчичн', 'лимонн', 'золот', 'золотист'],
    english: ['yellow', 'mustard', 'lemon', 'gold', 'golden'],
    kazakh: ['сары'],
  },

  {
    concept: style('modern'),
    adjectives: ['современн', 'модернов'],
    nouns: ['модерн', 'хайтек'],
    english: ['modern', 'contemporary'],
    kazakh: ['заманауи', 'қазіргі'],
  },
  {
    concept: style('classic'),
    adjectives: ['классическ', 'неоклассическ'],
    nouns: ['классика', 'неоклассика'],
    english: ['classic', 'classical', 'traditional'],
    kazakh: ['классикалық'],
  },
  {
    concept: style('minimalism'),
    adjectives: ['минималистичн', 'минималистск'],
    nouns: ['минимализм'],
    english: ['minimalism', 'minimalist', 'minimalistic', 'minimal'],
    kazakh: ['минималды', 'минималистік'],
  },
  {
    concept: style('loft'),
    nouns: ['лофт'],
    adjectives: ['индустриальн', 'лофтов'],
    english: ['loft', 'industrial'],
    kazakh: ['индустриалды'],
  },
  {
    concept: style('scandinavian'),
    adjectives: ['скандинавск'],
    nouns: ['скандик'],
    words: ['сканди'],
    english: ['scandinavian', 'scandi', 'scandic', 'nordic'],
    kazakh: ['скандинавиялық', 'скандинав'],
  },
];
