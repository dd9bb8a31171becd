import type { CatalogSort } from '../catalog/catalogSort';
import type { Product } from '../catalog/product';
import { sizeOf } from '../catalog/productSize';
import type { Analysis } from '../understanding/understand';
import type { Reference } from '../understanding/references';
import type { SortCue } from '../understanding/sortCue';
import type { DialogueState, SearchFilters } from './dialogueState';
import type { Plan, PlannedTurn, SearchPlan } from './plan';
import { mergeFilters, namedFilters, namesAnything, type NamedFilters } from './searchFilters';

/** What the customer has on screen: the products of the dialogue state, read from the catalog. */
export interface Screen {
  focus?: Product;
  /** The last list, in the order shown. */
  shown: readonly Product[];
}

// An address with a payment is a few words at least; «ок» or «хорошо» is not one.
const DETAILS_MIN_WORDS = 3;
/** Past this many words a message tells a story the model reads better than rules do. */
const CONFIDENT_MAX_WORDS = 14;

const SORT_OF: Record<'cheapest' | 'priciest' | 'biggest' | 'smallest', CatalogSort> = {
  cheapest: 'price_asc',
  priciest: 'price_desc',
  biggest: 'size_desc',
  smallest: 'size_asc',
};

type Pointed = { ids: string[] } | { beyond: number } | { which: true } | undefined;

/**
 * Decides what a turn asks of the conversation, from the most specific to the
 * least: thanks alone; order details awaited; buying what is on screen; a
 * question about the store; adding up; what goes with the product in focus;
 * comparing; a question about a product; pointing at one; a set of several
 * items; then a search that keeps what the customer asked before and changes
 * what they name now; and the plain intents.
 */
export function planTurn(analysis: Analysis, state: DialogueState, screen: Screen): PlannedTurn {
  const plan = choosePlan(analysis, state, screen);
  return { plan, confident: isConfident(plan, analysis, state) };
}

function choosePlan(analysis: Analysis, state: DialogueState, screen: Screen): Plan {
  const { understanding, cues } = analysis;
  const named = namedFilters(understanding, cues.features, cues.size);
  const searchSlots =
    named.category !== undefined ||
    named.color !== undefined ||
    named.style !== undefined ||
    named.budgetMin !== undefined ||
    named.budgetMax !== undefined;
  const pointed = pointAt(cues.reference, state, screen);
  const pointedIds = pointed && 'ids' in pointed ? pointed.ids : undefined;
  const subjectId =
    pointedIds?.length === 1 ? pointedIds[0] : (screen.focus?.id ?? (screen.shown.length === 1 ? screen.shown[0]?.id : undefined));
  const subject = [screen.focus, ...screen.shown].find((product) => product?.id === subjectId);
  const newCategory = named.category !== undefined && named.category !== subject?.category && named.category !== state.filters.category;

  // «Спасибо, я подумаю об этом»: a pronoun alone does not make thanks a request.
  const pointsAtPlace = pointed !== undefined && cues.reference?.kind !== 'focus';
  const asksNothingElse =
    !namesAnything(named) && !cues.storeTopic && !cues.productTopic && cues.acts.length === 0 && !cues.sort && !pointsAtPlace;
  if (cues.courtesy && asksNothingElse) return { kind: 'courtesy', courtesy: cues.courtesy };

  if (state.awaitingOrderDetails && looksLikeOrderDetails(analysis, searchSlots, pointed)) return { kind: 'orderDetails' };

  const buying = cues.acts.includes('buy') || (cues.storeTopic === 'order' && (subject !== undefined || state.basket.length > 0));
  if (buying && !newCategory) {
    if (pointed && 'beyond' in pointed) return { kind: 'beyond', count: pointed.beyond };
    if (subject) return { kind: 'buy', productId: subject.id };
    return { kind: 'buy' };
  }

  if (cues.storeTopic) return { kind: 'storeQuestion', topic: cues.storeTopic };
  const bundle = bundlePlan(analysis, named);
  if (bundle) return bundle;
  if (cues.acts.includes('total')) return { kind: 'total' };

  const anchor = pointedIds?.length === 1 ? subject : screen.focus;
  // «Что к нему подойдёт?», «матрас для неё», «a mattress for it»: another kind of piece for the one in focus.
  const otherKindForIt = named.category !== undefined && cues.reference?.kind === 'focus';
  const wantsMatch =
    cues.acts.includes('complement') || otherKindForIt || (understanding.intent === 'recommend' && cues.reference?.kind === 'focus');
  if (anchor && wantsMatch && (named.category === undefined || named.category !== anchor.category)) {
    return { kind: 'complement', anchorId: anchor.id, ...(named.category ? { category: named.category } : {}) };
  }

  if (cues.productTopic === 'compare' && !searchSlots && named.features.length === 0) {
    const ids = pointedIds && pointedIds.length > 1 ? pointedIds : screen.shown.map((product) => product.id);
    if (ids.length > 1) return { kind: 'compare', productIds: ids };
    if (subject) return { kind: 'productQuestion', topic: 'details', productId: subject.id, features: [] };
    return { kind: 'nothingShown' };
  }

  // «А в другом цвете есть?»: which colours there are besides the one on screen, to pick from.
  if (cues.acts.includes('otherColor') && named.color === undefined) {
    // The search on screen, or a new section's («а шкафы в других цветах?»), or the section of the product in focus.
    const startOver = newCategory || state.filters.category === undefined;
    const base: SearchFilters = startOver
      ? { features: [], ...(subject && !newCategory ? { category: subject.category } : {}) }
      : state.filters;
    const { color: current, ...rest } = base;
    const filters: SearchFilters = { ...rest, ...(named.category ? { category: named.category } : {}) };
    const except = current ?? (newCategory ? undefined : subject?.color);
    if (filters.category === undefined) return { kind: 'nothingShown' };
    return { kind: 'otherColors', filters, ...(except ? { except } : {}) };
  }

  // «А телевизор на неё встанет?» names the stand's own section: no new search.
  const aboutSubject = named.category === undefined || named.category === subject?.category;
  const questionSlots =
    named.color !== undefined ||
    named.style !== undefined ||
    named.budgetMin !== undefined ||
    named.budgetMax !== undefined ||
    !aboutSubject;
  const question = productQuestion(analysis, named, questionSlots, pointed, subject !== undefined);
  if (question) {
    if (pointed && 'beyond' in pointed) return { kind: 'beyond', count: pointed.beyond };
    if (subject) {
      return {
        kind: 'productQuestion',
        topic: question,
        productId: subject.id,
        features: named.features,
        ...(cues.tvInches !== undefined ? { tvInches: cues.tvInches } : {}),
        ...(cues.size && question === 'fits' ? { space: cues.size } : {}),
      };
    }
    // Nothing to ask about: words for a feature refine the search («а ткань рогожка»), otherwise ask which product is meant.
    if (named.features.length === 0 && named.size === undefined)
      return screen.shown.length > 1 ? { kind: 'which' } : { kind: 'nothingShown' };
  }

  if (pointed && !searchSlots && !cues.sort && named.features.length === 0 && !cues.acts.includes('more')) {
    const strong = cues.reference?.kind !== 'ordinal' || cues.reference.weak !== true;
    if ('beyond' in pointed && strong) return { kind: 'beyond', count: pointed.beyond };
    if ('ids' in pointed && pointed.ids.length > 1 && strong) return { kind: 'compare', productIds: pointed.ids };
    if ('ids' in pointed && pointed.ids[0] && (strong || screen.shown.length > 0)) return { kind: 'show', productId: pointed.ids[0] };
    if ('which' in pointed && strong) return { kind: 'which' };
  }

  // «Что посоветуете из кроватей?»: advice within the customer's taste and budget, when nothing narrower is named.
  const onlySection = named.category !== undefined && !namesAnything({ ...named, category: undefined }) && !cues.sort;
  if (understanding.intent === 'recommend' && onlySection) return { kind: 'recommend', category: named.category };
  const refining = cues.sort !== undefined || cues.acts.includes('more') || namesAnything(named);
  const similarToFocus = cues.reference?.kind === 'focus' && screen.focus !== undefined && understanding.intent === 'search';
  if (refining || similarToFocus || (named.size?.kind === 'bare' && state.filters.category !== undefined)) {
    return searchPlan(analysis, named, state, screen);
  }

  switch (understanding.intent) {
    case 'greeting':
      return { kind: 'greeting' };
    case 'help':
      return { kind: 'help' };
    case 'recommend':
    case 'search':
      return { kind: 'recommend' };
    default:
      return { kind: 'notUnderstood' };
  }
}

/**
 * «Астана, Кенесары 40, оплачу Kaspi» after the instructions: words with an address or a payment in
 * them, no question, nothing to search for or point at.
 */
function looksLikeOrderDetails(analysis: Analysis, searchSlots: boolean, pointed: Pointed): boolean {
  const { cues, understanding } = analysis;
  if (searchSlots || cues.question || cues.productTopic || cues.acts.length > 0 || pointed !== undefined) return false;
  if (understanding.intent === 'greeting' || understanding.intent === 'help') return false;
  const aboutOrder = cues.storeTopic === undefined || cues.storeTopic === 'payment' || cues.storeTopic === 'delivery';
  return aboutOrder && (cues.wordCount >= DETAILS_MIN_WORDS || cues.hasNumber);
}

/** Two kinds of piece or more at once («стол и 4 стула до 400 тысяч»): a set within the budget, which applies to its total. */
function bundlePlan(analysis: Analysis, named: NamedFilters): Plan | undefined {
  const distinct = new Set(analysis.cues.items.map((item) => item.category));
  if (distinct.size < 2) return undefined;
  const { category: _category, budgetMin: _min, budgetMax, ...shared } = named;
  const { budgetMax: _merged, budgetMin: _mergedMin, ...filters } = mergeFilters({ features: [] }, shared, undefined);
  return { kind: 'bundle', items: analysis.cues.items, filters, ...(budgetMax !== undefined ? { budgetMax } : {}) };
}

/** Which question about a product the message asks, when it asks one and is not a new search. */
function productQuestion(
  analysis: Analysis,
  named: NamedFilters,
  searchSlots: boolean,
  pointed: Pointed,
  hasSubject: boolean,
): Extract<Plan, { kind: 'productQuestion' }>['topic'] | undefined {
  const { cues } = analysis;
  if (searchSlots) return undefined;
  const topic = cues.productTopic;
  if (topic === 'compare') return undefined;
  // «шкаф шириной 2 метра» names a size to search by; «какой ширины?» asks one.
  if (topic === 'dimensions' && cues.size !== undefined && !cues.question) return undefined;
  if (topic !== undefined) return topic;
  if (cues.tvInches !== undefined) return 'fits';
  // «А он раскладывается?», «раскладывается?» ask about the product on screen; «а с ящиком?», «есть угловые?» refine the search.
  const pointsAtIt = pointed !== undefined && cues.reference?.kind === 'focus';
  const asksIt = pointsAtIt || (cues.question && !cues.refining);
  if (hasSubject && named.features.length > 0 && asksIt && !cues.acts.includes('more') && !cues.sort) return 'features';
  return undefined;
}

function pointAt(reference: Reference | undefined, state: DialogueState, screen: Screen): Pointed {
  if (!reference) return undefined;
  const shown = screen.shown.map((product) => product.id);
  switch (reference.kind) {
    case 'ordinal': {
      if (shown.length === 0)
        return screen.focus && reference.positions.every((position) => position === 0) ? { ids: [screen.focus.id] } : undefined;
      const beyond = reference.positions.find((position) => position >= shown.length);
      if (beyond !== undefined) return { beyond: shown.length };
      return { ids: reference.positions.map((position) => shown[position]!) };
    }
    case 'last':
      return shown.length > 0 ? { ids: [shown.at(-1)!] } : undefined;
    case 'focus':
      if (screen.focus) return { ids: [screen.focus.id] };
      if (shown.length === 1) return { ids: shown };
      return shown.length > 1 ? { which: true } : undefined;
    case 'all':
      return shown.length > 0 ? { ids: shown } : state.focus ? { ids: [state.focus] } : undefined;
  }
}

/** A search that carries the conversation's filters, reordered or narrowed by price or size as asked. */
function searchPlan(analysis: Analysis, named: NamedFilters, state: DialogueState, screen: Screen): SearchPlan {
  const { cues } = analysis;
  const filters = mergeFilters(state.filters, named, screen.focus);
  const sameSearch = named.category === undefined || named.category === state.filters.category;
  const more = cues.acts.includes('more') && sameSearch && !cues.sort;
  const plan: SearchPlan = {
    kind: 'search',
    filters,
    intro: more ? 'more' : 'found',
    exclude: more ? [...state.shown, ...(state.focus ? [state.focus] : [])] : [],
    newFeatures: named.features.filter((feature) => filters.features.includes(feature)),
  };
  if (cues.sort) return { ...plan, keep: filters, ...sorted(cues.sort, screen, filters) };
  if (!more && sameSearch && state.sort && !namesAnything({ ...named, category: undefined })) return { ...plan, sort: state.sort };
  return plan;
}

function sorted(sort: SortCue, screen: Screen, filters: SearchPlan['filters']): Partial<SearchPlan> {
  switch (sort) {
    case 'cheapest':
    case 'priciest':
    case 'biggest':
    case 'smallest':
      return { sort: SORT_OF[sort], intro: 'sorted' };
    case 'cheaper': {
      const pivot = screen.focus?.price ?? Math.min(...screen.shown.map((product) => product.price));
      if (!Number.isFinite(pivot)) return { sort: 'price_asc', intro: 'sorted' };
      const budgetMax = Math.min(pivot - 1, filters.budgetMax ?? Infinity);
      const { budgetMin: _min, ...rest } = filters;
      return {
        filters: { ...rest, budgetMax },
        sort: screen.focus ? 'price_desc' : 'price_asc',
        intro: 'cheaper',
        pivotPrice: pivot,
        // The customer's own search, their budget included: «подешевле» never shows what they said was too dear.
        fallback: { filters, sort: 'price_asc', intro: 'noCheaper' },
      };
    }
    case 'pricier': {
      const pivot = screen.focus?.price ?? Math.max(...screen.shown.map((product) => product.price));
      if (!Number.isFinite(pivot)) return { sort: 'price_desc', intro: 'sorted' };
      const { budgetMax: _max, ...rest } = filters;
      const { budgetMin: _min, ...withoutBudget } = rest;
      return {
        filters: { ...rest, budgetMin: Math.max(pivot + 1, filters.budgetMin ?? 0) },
        sort: 'price_asc',
        intro: 'pricier',
        pivotPrice: pivot,
        // «Подороже» lifts the customer's own ceiling: the dearest of the section.
        fallback: { filters: withoutBudget, sort: 'price_desc', intro: 'noPricier' },
      };
    }
    case 'bigger':
    case 'smaller': {
      const width = screen.focus ? sizeOf(screen.focus).width : undefined;
      const bigger = sort === 'bigger';
      if (width === undefined) return { sort: bigger ? 'size_desc' : 'size_asc', intro: bigger ? 'bigger' : 'smaller' };
      return {
        filters: { ...filters, size: { kind: 'measure', measure: 'width', ...(bigger ? { min: width + 1 } : { max: width - 1 }) } },
        sort: bigger ? 'size_asc' : 'size_desc',
        intro: bigger ? 'bigger' : 'smaller',
      };
    }
  }
}

function isConfident(plan: Plan, analysis: Analysis, state: DialogueState): boolean {
  if (analysis.cues.wordCount > CONFIDENT_MAX_WORDS) return false;
  switch (plan.kind) {
    case 'notUnderstood':
    case 'recommend':
      return false;
    case 'search':
      // A follow-up that keeps the conversation's section, or a search that names one.
      return plan.filters.category !== undefined && (state.filters.category !== undefined || analysis.understanding.category !== undefined);
    default:
      return true;
  }
}
