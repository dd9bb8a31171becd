import { CATEGORIES, COLORS, STYLES, isOnSale } from './product';
import type { Category, Color, Product, Style } from './product';
import { featuresOf, type Feature } from './productFeatures';
import { footprintOf } from './productSize';
import { fitsSize, type SizeWish } from './sizeWish';
import type { CatalogSort } from './catalogSort';
import type { ProductTerms } from './productTerms';
import { searchTerms } from './russianText';
import type { SearchTerm } from './russianText';

export interface CatalogQuery {
  /** Free text; ranks results, and on its own also selects them. */
  text?: string;
  category?: Category;
  color?: Color;
  style?: Style;
  /** Inclusive bounds in whole tenge. */
  budgetMin?: number;
  budgetMax?: number;
  onSale?: boolean;
  /** Every one of these (productFeatures.ts); hard filters like the category. */
  features?: readonly Feature[];
  size?: SizeWish;
  /** Instead of relevance: by price, or by floor area (the sleeping place for beds). */
  sort?: CatalogSort;
  /** Defaults to true: the assistant should not offer what cannot be bought. */
  inStockOnly?: boolean;
  excludeIds?: readonly string[];
  /** Defaults to 10. */
  limit?: number;
}

export interface SearchHit {
  product: Product;
  /** Text relevance; 0 when the query had no text or the text matched nothing in this product. */
  score: number;
}

const DEFAULT_LIMIT = 10;

// Where a word is found says how much it tells about the product.
const NAME_WEIGHT = 3;
const MATERIAL_WEIGHT = 2;
const DESCRIPTION_WEIGHT = 1;
// A looser form (диванчик ~ диван, кожаный ~ кожа) counts for less than the word itself.
const RELATED_FACTOR = 0.5;
// Stems one letter apart are usually Snowball disagreeing with itself
// (зеркало → «зерка», зеркалом → «зеркал»), not different words.
const NEAR_FACTOR = 0.8;
const NEAR_MIN_LENGTH = 4;
// A query word found in more than this share of the catalog only ranks; see `scoreText`.
const COMMON_WORD_SHARE = 0.5;

const SALE_FLAG = 1;
const IN_STOCK_FLAG = 2;

// Repricing creates an index from mostly the same product objects; their text
// analysis is the slow part of building one, so it is kept per object.
const termsCache = new WeakMap<Product, ProductTerms>();

/**
 * The catalog in memory, arranged so that one search touches only what can
 * match. Products are held in price order, so a budget is a range of positions
 * and «cheapest first» is the natural order; each stem, category, colour and
 * style maps to its sorted positions.
 */
export class CatalogIndex {
  readonly size: number;

  private readonly inputOrder: readonly Product[];
  private readonly byId = new Map<string, number>();
  /** Products by position, ascending price. */
  private readonly products: Product[];
  private readonly prices: Float64Array;
  private readonly categoryOf: Uint8Array;
  private readonly colorOf: Uint8Array;
  private readonly styleOf: Uint8Array;
  private readonly flags: Uint8Array;
  private readonly byCategory: Int32Array[];
  private readonly byColor: Int32Array[];
  private readonly byStyle: Int32Array[];

  private readonly termIds = new Map<string, number>();
  private readonly postings: Int32Array[] = [];
  private readonly postingWeights: Float32Array[] = [];
  private readonly idf: number[] = [];
  /** Terms by their stem minus the last letter, for near matches. */
  private readonly oneLetterLonger = new Map<string, number[]>();

  // Scratch space reused by every search. A slot counts only when its stamp is
  // the current query's (or word's), which spares clearing 100 000 slots per search.
  private readonly scores: Float64Array;
  private readonly scoreStamp: Uint32Array;
  private readonly wordBest: Float64Array;
  private readonly wordStamp: Uint32Array;
  private readonly matched: Int32Array;
  private stamp = 0;

  /** `terms`, when given, are the products' search terms analysed beforehand (at build), in the same order. */
  constructor(products: readonly Product[], terms?: readonly ProductTerms[]) {
    terms?.forEach((analysed, index) => {
      const product = products[index];
      if (product !== undefined) termsCache.set(product, analysed);
    });
    const unique = firstOfEachId(products);
    this.inputOrder = unique;
    this.products = [...unique].sort((a, b) => a.price - b.price || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const size = this.products.length;
    this.size = size;

    this.prices = new Float64Array(size);
    this.categoryOf = new Uint8Array(size);
    this.colorOf = new Uint8Array(size);
    this.styleOf = new Uint8Array(size);
    this.flags = new Uint8Array(size);
    const categoryLists: number[][] = CATEGORIES.map(() => []);
    const colorLists: number[][] = COLORS.map(() => []);
    const styleLists: number[][] = STYLES.map(() => []);
    // Postings are filled in two passes, counting first, so that each is one typed array from the start.
    const productTermIds: Int32Array[] = [];
    const productWeights: (readonly number[])[] = [];
    const termCounts: number[] = [];

    this.products.forEach((product, position) => {
      this.byId.set(product.id, position);
      this.prices[position] = product.price;
      const category = CATEGORIES.indexOf(product.category);
      const color = COLORS.indexOf(product.color);
      const style = STYLES.indexOf(product.style);
      this.categoryOf[position] = category;
      this.colorOf[position] = color;
      this.styleOf[position] = style;
      this.flags[position] = (isOnSale(product) ? SALE_FLAG : 0) | (product.stock > 0 ? IN_STOCK_FLAG : 0);
      categoryLists[category]!.push(position);
      colorLists[color]!.push(position);
      styleLists[style]!.push(position);
      const { stems, weights } = searchTermsOf(product);
      const ids = new Int32Array(stems.length);
      stems.forEach((stem, i) => {
        let id = this.termIds.get(stem);
        if (id === undefined) {
          id = termCounts.length;
          this.termIds.set(stem, id);
          termCounts.push(0);
        }
        termCounts[id]!++;
        ids[i] = id;
      });
      productTermIds.push(ids);
      productWeights.push(weights);
    });

    this.byCategory = categoryLists.map((list) => Int32Array.from(list));
    this.byColor = colorLists.map((list) => Int32Array.from(list));
    this.byStyle = styleLists.map((list) => Int32Array.from(list));
    for (const [stem, id] of this.termIds) {
      const count = termCounts[id]!;
      this.postings[id] = new Int32Array(count);
      this.postingWeights[id] = new Float32Array(count);
      // Rare words say more about what the shopper wants than words every product has.
      this.idf[id] = Math.log(1 + size / count);
      if (stem.length > NEAR_MIN_LENGTH) {
        const shorter = stem.slice(0, -1);
        const longer = this.oneLetterLonger.get(shorter);
        if (longer) longer.push(id);
        else this.oneLetterLonger.set(shorter, [id]);
      }
    }
    const filled = new Int32Array(termCounts.length);
    productTermIds.forEach((ids, position) => {
      const weights = productWeights[position]!;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const slot = filled[id]!++;
        this.postings[id]![slot] = position;
        this.postingWeights[id]![slot] = weights[i]!;
      }
    });

    this.scores = new Float64Array(size);
    this.scoreStamp = new Uint32Array(size);
    this.wordBest = new Float64Array(size);
    this.wordStamp = new Uint32Array(size);
    this.matched = new Int32Array(size);
  }

  /**
   * Products that pass every structured filter, best first. Text only ranks
   * when filters are given, so a word the catalog does not know never hides
   * what the shopper asked for; with text alone, a product must match a word
   * (one that most of the catalog contains only ranks, see `scoreText`).
   * An empty result means the filters excluded everything; relaxing them is
   * the caller's decision.
   */
  search(query: CatalogQuery): SearchHit[] {
    const limit = Math.min(Math.floor(query.limit ?? DEFAULT_LIMIT), this.size);
    if (!(limit > 0)) return [];
    const [low, high] = this.priceRange(query.budgetMin, query.budgetMax);
    if (low >= high) return [];

    const filter = this.filterOf(query);
    const terms = query.text ? searchTerms(query.text) : [];
    const text = terms.length > 0 ? this.scoreText(terms, low, high) : undefined;
    const structured =
      filter.category >= 0 ||
      filter.color >= 0 ||
      filter.style >= 0 ||
      query.budgetMin !== undefined ||
      query.budgetMax !== undefined ||
      query.onSale === true ||
      filter.features.length > 0 ||
      filter.size !== undefined;
    if (query.sort) return this.sorted(query.sort, filter, text && !structured ? text : undefined, low, high, limit);

    const best = new TopHits(limit, this.flags);
    if (text) {
      for (let i = 0; i < text.count; i++) {
        const position = this.matched[i]!;
        if (this.passes(position, filter)) best.offer(position, this.scores[position]!);
      }
    }
    // Products the text did not match score zero, so they only fill places the matches left.
    if (!text || (structured && !best.full())) {
      const stamps = this.scoreStamp;
      const stamp = text ? text.stamp : -1;
      const narrowest = this.narrowestList(filter);
      const from = narrowest ? lowerBound(narrowest, low) : low;
      const to = narrowest ? lowerBound(narrowest, high) : high;
      for (let i = from; i < to; i++) {
        const position = narrowest ? narrowest[i]! : i;
        if (stamps[position] !== stamp && this.passes(position, filter)) best.offer(position, 0);
      }
    }
    return best.sorted().map(({ position, score }) => ({ product: this.products[position]!, score }));
  }

  get(id: string): Product | undefined {
    const position = this.byId.get(id);
    return position === undefined ? undefined : this.products[position];
  }

  /** Every product, in the order the index was built from. */
  all(): readonly Product[] {
    return this.inputOrder;
  }

  /**
   * A new index where the given products cost the given prices; ids not in the
   * catalog are ignored. A drop below a price with no crossed-out price makes
   * the old price the crossed-out one; a rise to or past the crossed-out price
   * ends the sale.
   */
  withPrices(prices: Readonly<Record<string, number>>): CatalogIndex {
    return new CatalogIndex(this.inputOrder.map((product) => repriced(product, prices[product.id])));
  }

  /** Positions [low, high) whose price lies within the budget. */
  private priceRange(budgetMin: number | undefined, budgetMax: number | undefined): [number, number] {
    const low = budgetMin === undefined ? 0 : lowerBound(this.prices, budgetMin);
    const high = budgetMax === undefined ? this.size : upperBound(this.prices, budgetMax);
    return [low, high];
  }

  private filterOf(query: CatalogQuery): Filter {
    const excluded = new Set<number>();
    for (const id of query.excludeIds ?? []) {
      const position = this.byId.get(id);
      if (position !== undefined) excluded.add(position);
    }
    return {
      category: query.category === undefined ? -1 : CATEGORIES.indexOf(query.category),
      color: query.color === undefined ? -1 : COLORS.indexOf(query.color),
      style: query.style === undefined ? -1 : STYLES.indexOf(query.style),
      flags: (query.onSale ? SALE_FLAG : 0) | ((query.inStockOnly ?? true) ? IN_STOCK_FLAG : 0),
      excluded,
      features: query.features ?? [],
      size: query.size,
    };
  }

  /**
   * The passing products in the asked order: by price straight from the
   * price-ordered positions (stopping at the limit), by size over all of them.
   * Text, when it alone selects, limits the candidates to its matches.
   */
  private sorted(
    sort: CatalogSort,
    filter: Filter,
    text: { count: number } | undefined,
    low: number,
    high: number,
    limit: number,
  ): SearchHit[] {
    const candidates: number[] = [];
    if (text) {
      for (let i = 0; i < text.count; i++) if (this.passes(this.matched[i]!, filter)) candidates.push(this.matched[i]!);
      candidates.sort((a, b) => a - b);
    } else {
      const narrowest = this.narrowestList(filter);
      const from = narrowest ? lowerBound(narrowest, low) : low;
      const to = narrowest ? lowerBound(narrowest, high) : high;
      const byPrice = sort === 'price_asc' || sort === 'price_desc';
      const step = sort === 'price_desc' ? -1 : 1;
      for (let i = step > 0 ? from : to - 1; step > 0 ? i < to : i >= from; i += step) {
        const position = narrowest ? narrowest[i]! : i;
        if (!this.passes(position, filter)) continue;
        candidates.push(position);
        if (byPrice && candidates.length === limit) break;
      }
    }
    const area = (position: number) => footprintOf(this.products[position]!);
    const order: Record<CatalogSort, (a: number, b: number) => number> = {
      price_asc: (a, b) => a - b,
      price_desc: (a, b) => b - a,
      size_desc: (a, b) => area(b) - area(a) || a - b,
      size_asc: (a, b) => area(a) - area(b) || a - b,
    };
    return candidates
      .sort(order[sort])
      .slice(0, limit)
      .map((position) => ({ product: this.products[position]!, score: 0 }));
  }

  /** Whether a position within the budget passes the other hard filters. */
  private passes(position: number, filter: Filter): boolean {
    return (
      (filter.category < 0 || this.categoryOf[position] === filter.category) &&
      (filter.color < 0 || this.colorOf[position] === filter.color) &&
      (filter.style < 0 || this.styleOf[position] === filter.style) &&
      (this.flags[position]! & filter.flags) === filter.flags &&
      (filter.excluded.size === 0 || !filter.excluded.has(position)) &&
      (filter.features.length === 0 || this.hasFeatures(position, filter.features)) &&
      (filter.size === undefined || fitsSize(this.products[position]!, filter.size))
    );
  }

  private hasFeatures(position: number, features: readonly Feature[]): boolean {
    const has = featuresOf(this.products[position]!);
    return features.every((feature) => has.has(feature));
  }

  /** The shortest position list among the category, colour and style asked for, if any was. */
  private narrowestList(filter: Filter): Int32Array | undefined {
    const lists = [
      filter.category >= 0 ? this.byCategory[filter.category] : undefined,
      filter.color >= 0 ? this.byColor[filter.color] : undefined,
      filter.style >= 0 ? this.byStyle[filter.style] : undefined,
    ];
    let narrowest: Int32Array | undefined;
    for (const list of lists) {
      if (list && (!narrowest || list.length < narrowest.length)) narrowest = list;
    }
    return narrowest;
  }

  /**
   * Adds each query word's best match per product within the budget's
   * positions into `scores`, under the returned stamp; the first `count`
   * entries of `matched` are the positions that matched a word.
   *
   * A word found in most of the catalog («стиль», or «диван» in a sofa shop)
   * cannot choose products, only rank them: when the query has a more telling
   * word, a common one adds to products already matched and matches no new
   * ones. That keeps «серый диван» from listing every sofa, and keeps the
   * candidates few.
   */
  private scoreText(terms: readonly SearchTerm[], low: number, high: number): { count: number; stamp: number } {
    if (this.stamp > 0xffffffff - terms.length - 1) {
      this.scoreStamp.fill(0);
      this.wordStamp.fill(0);
      this.stamp = 0;
    }
    const queryStamp = ++this.stamp;
    const words = terms.map((term) => this.matchingTerms(term.stem, term.related));
    const common = words.map((matches) => this.frequency(matches) > this.size * COMMON_WORD_SHARE);
    const choosing = common.some((isCommon) => !isCommon);
    let count = 0;
    const ordered = [...words.keys()].sort((a, b) => Number(common[a]) - Number(common[b]));
    for (const word of ordered) {
      count = this.scoreWord(words[word]!, low, high, queryStamp, count, choosing && common[word]!);
    }
    return { count, stamp: queryStamp };
  }

  /** Scores one query word; returns the new count of matched positions. */
  private scoreWord(
    matches: ReadonlyMap<number, number>,
    low: number,
    high: number,
    queryStamp: number,
    count: number,
    rankOnly: boolean,
  ): number {
    const { scores, scoreStamp, wordBest, wordStamp, matched } = this;
    const stamp = ++this.stamp;
    for (const [id, factor] of matches) {
      const positions = this.postings[id]!;
      const weights = this.postingWeights[id]!;
      const boost = factor * this.idf[id]!;
      // Postings are in price order too, so the budget is a slice of them.
      const end = high < this.size ? lowerBound(positions, high) : positions.length;
      for (let i = low > 0 ? lowerBound(positions, low) : 0; i < end; i++) {
        const position = positions[i]!;
        if (scoreStamp[position] !== queryStamp) {
          if (rankOnly) continue;
          scoreStamp[position] = queryStamp;
          scores[position] = 0;
          matched[count++] = position;
        }
        const value = weights[i]! * boost;
        if (wordStamp[position] !== stamp) {
          wordStamp[position] = stamp;
          wordBest[position] = value;
          scores[position]! += value;
        } else if (value > wordBest[position]!) {
          scores[position]! += value - wordBest[position]!;
          wordBest[position] = value;
        }
      }
    }
    return count;
  }

  /** How many postings a query word's terms hold together. */
  private frequency(matches: ReadonlyMap<number, number>): number {
    let total = 0;
    for (const id of matches.keys()) total += this.postings[id]!.length;
    return total;
  }

  /** Index terms a query word can match, each with how much such a match counts. */
  private matchingTerms(stem: string, related: readonly string[]): Map<number, number> {
    const found = new Map<number, number>();
    const add = (id: number | undefined, factor: number) => {
      if (id !== undefined && factor > (found.get(id) ?? 0)) found.set(id, factor);
    };
    add(this.termIds.get(stem), 1);
    if (stem.length >= NEAR_MIN_LENGTH) {
      if (stem.length > NEAR_MIN_LENGTH) add(this.termIds.get(stem.slice(0, -1)), NEAR_FACTOR);
      for (const id of this.oneLetterLonger.get(stem) ?? []) add(id, NEAR_FACTOR);
    }
    for (const form of related) add(this.termIds.get(form), RELATED_FACTOR);
    return found;
  }
}

interface Filter {
  /** Index into CATEGORIES, or -1 for any; likewise colour and style. */
  category: number;
  color: number;
  style: number;
  /** Flags a product must all have. */
  flags: number;
  excluded: ReadonlySet<number>;
  features: readonly Feature[];
  size: SizeWish | undefined;
}

/** The `limit` best hits seen so far, in a heap whose root is the worst of them. */
class TopHits {
  private readonly positions: Int32Array;
  private readonly scores: Float64Array;
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly flags: Uint8Array,
  ) {
    this.positions = new Int32Array(limit);
    this.scores = new Float64Array(limit);
  }

  offer(position: number, score: number): void {
    if (this.count < this.limit) {
      this.positions[this.count] = position;
      this.scores[this.count] = score;
      this.siftUp(this.count++);
    } else if (this.better(position, score, this.positions[0]!, this.scores[0]!)) {
      this.positions[0] = position;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  full(): boolean {
    return this.count === this.limit;
  }

  sorted(): { position: number; score: number }[] {
    const hits = Array.from({ length: this.count }, (_, i) => ({ position: this.positions[i]!, score: this.scores[i]! }));
    return hits.sort((a, b) => (this.better(a.position, a.score, b.position, b.score) ? -1 : 1));
  }

  /** Higher score, then on sale, then in stock, then cheaper (a lower position). */
  private better(aPosition: number, aScore: number, bPosition: number, bScore: number): boolean {
    if (aScore !== bScore) return aScore > bScore;
    const aFlags = this.flags[aPosition]!;
    const bFlags = this.flags[bPosition]!;
    if ((aFlags & SALE_FLAG) !== (bFlags & SALE_FLAG)) return (aFlags & SALE_FLAG) !== 0;
    if ((aFlags & IN_STOCK_FLAG) !== (bFlags & IN_STOCK_FLAG)) return (aFlags & IN_STOCK_FLAG) !== 0;
    return aPosition < bPosition;
  }

  private siftUp(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.better(this.positions[parent]!, this.scores[parent]!, this.positions[index]!, this.scores[index]!)) return;
      this.swap(parent, index);
      index = parent;
    }
  }

  private siftDown(index: number): void {
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let worst = index;
      if (left < this.count && this.better(this.positions[worst]!, this.scores[worst]!, this.positions[left]!, this.scores[left]!))
        worst = left;
      if (right < this.count && this.better(this.positions[worst]!, this.scores[worst]!, this.positions[right]!, this.scores[right]!))
        worst = right;
      if (worst === index) return;
      this.swap(worst, index);
      index = worst;
    }
  }

  private swap(a: number, b: number): void {
    const position = this.positions[a]!;
    const score = this.scores[a]!;
    this.positions[a] = this.positions[b]!;
    this.scores[a] = this.scores[b]!;
    this.positions[b] = position;
    this.scores[b] = score;
  }
}

/** A product's search terms: the stems of its name, material and description, weighted by where they were found. */
export function searchTermsOf(product: Product): ProductTerms {
  const cached = termsCache.get(product);
  if (cached) return cached;
  const terms = new Map<string, number>();
  const add = (stem: string, weight: number) => {
    if (weight > (terms.get(stem) ?? 0)) terms.set(stem, weight);
  };
  for (const [text, weight] of [
    [product.name, NAME_WEIGHT],
    [product.material ?? '', MATERIAL_WEIGHT],
    [product.description, DESCRIPTION_WEIGHT],
  ] as const) {
    for (const term of searchTerms(text)) {
      add(term.stem, weight);
      for (const form of term.related) add(form, weight * RELATED_FACTOR);
    }
  }
  const analysed = { stems: [...terms.keys()], weights: [...terms.values()] };
  termsCache.set(product, analysed);
  return analysed;
}

function repriced(product: Product, price: number | undefined): Product {
  if (price === undefined || price === product.price) return product;
  if (!Number.isInteger(price) || price <= 0)
    throw new RangeError(`Price for ${product.id} must be a positive whole number of tenge, got ${price}`);
  const crossedOut = isOnSale(product) ? product.oldPrice : undefined;
  let oldPrice = crossedOut ?? (price < product.price ? product.price : undefined);
  if (oldPrice !== undefined && oldPrice <= price) oldPrice = undefined;
  const tags = product.tags.filter((tag) => tag !== 'sale');
  const next: Product = { ...product, price, tags };
  if (oldPrice === undefined) {
    delete next.oldPrice;
  } else {
    next.oldPrice = oldPrice;
    tags.push('sale');
  }
  return next;
}

function firstOfEachId(products: readonly Product[]): Product[] {
  const seen = new Set<string>();
  return products.filter((product) => {
    if (seen.has(product.id)) return false;
    seen.add(product.id);
    return true;
  });
}

/** First index of an ascending list whose value is at least `value`. */
function lowerBound(list: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** First index of an ascending list whose value exceeds `value`. */
function upperBound(list: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
