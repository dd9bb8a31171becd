import type { Category, Product } from '../catalog/product';
import { featureApplies, type Feature } from '../catalog/productFeatures';
import type { SizeWish } from '../catalog/sizeWish';
import type { Understanding } from '../understanding/understanding';
import type { SizeCue } from '../understanding/sizeReading';
import type { SearchFilters } from './dialogueState';

/** Features that exclude each other: asking for one drops the others from the search. */
const EXCLUSIVE: readonly (readonly Feature[])[] = [
  ['double', 'one_and_half', 'single'],
  ['two_seater', 'three_seater'],
  ['sliding_doors', 'hinged_doors'],
  ['round', 'oval'],
  ['springless', 'springs'],
  ['eco_leather', 'genuine_leather'],
];
// «шириной 2 метра» is about 2 metres: ±10% keeps 180–220 and leaves out 160 and 250.
const AROUND = 0.1;
const SLEEPING: ReadonlySet<Category> = new Set(['bed', 'mattress']);
const SLEEPING_PAIRS: ReadonlySet<Category> = new Set(['bed', 'mattress', 'sofa', 'armchair']);
const BARE_SLEEP_MIN = 70;
const BARE_SLEEP_MAX = 200;

/** What the message itself asks for, in search terms. */
export interface NamedFilters {
  category?: Category;
  color?: SearchFilters['color'];
  style?: SearchFilters['style'];
  budgetMin?: number;
  budgetMax?: number;
  features: readonly Feature[];
  size?: SizeCue;
}

export function namedFilters(understanding: Understanding, features: readonly Feature[], size: SizeCue | undefined): NamedFilters {
  return {
    ...(understanding.category ? { category: understanding.category } : {}),
    ...(understanding.color ? { color: understanding.color } : {}),
    ...(understanding.style ? { style: understanding.style } : {}),
    ...(understanding.budget_min !== undefined ? { budgetMin: understanding.budget_min } : {}),
    ...(understanding.budget_max !== undefined ? { budgetMax: understanding.budget_max } : {}),
    features,
    ...(size ? { size } : {}),
  };
}

/** Whether the message names anything to search by (a bare size counts only where a number is a size). */
export function namesAnything(named: NamedFilters): boolean {
  return (
    named.category !== undefined ||
    named.color !== undefined ||
    named.style !== undefined ||
    named.budgetMin !== undefined ||
    named.budgetMax !== undefined ||
    named.features.length > 0 ||
    (named.size !== undefined && named.size.kind !== 'bare')
  );
}

/**
 * The search after a follow-up: an explicit new category starts over; anything
 * else keeps what the customer asked before and changes only what they name
 * now («а в белом?» keeps the bed and the budget, «до 250» keeps the colour).
 * With no category anywhere, the product in focus lends its own («а такой же,
 * но серый?»).
 */
export function mergeFilters(previous: SearchFilters, named: NamedFilters, focus: Product | undefined): SearchFilters {
  const startOver = named.category !== undefined && named.category !== previous.category;
  const base: SearchFilters = startOver ? { features: [] } : { ...previous };
  const category = sectionFor(named.category, named.features) ?? base.category ?? focus?.category;
  const merged: SearchFilters = { ...base, features: [] };
  if (category) merged.category = category;
  if (named.color) merged.color = named.color;
  if (named.style) merged.style = named.style;
  if (named.budgetMin !== undefined || named.budgetMax !== undefined) {
    // A new amount is the new budget: «ну ладно, до 250» replaces «до 150», whatever bound it had.
    delete merged.budgetMin;
    delete merged.budgetMax;
    if (named.budgetMin !== undefined) merged.budgetMin = named.budgetMin;
    if (named.budgetMax !== undefined) merged.budgetMax = named.budgetMax;
  }
  merged.features = withFeatures(base.features, named.features).filter((feature) => featureApplies(feature, category));
  const size = named.size ? sizeWishFor(named.size, category) : undefined;
  if (size) merged.size = size;
  return merged;
}

// Sections one word names alike: «стол» is a dining table by default, «chair» a chair; a feature only another has tells which.
const NEIGHBOURS: Partial<Record<Category, readonly Category[]>> = {
  dining_table: ['desk', 'coffee_table'],
  coffee_table: ['dining_table', 'desk'],
  desk: ['dining_table', 'coffee_table'],
  chair: ['armchair'],
  armchair: ['chair'],
  wardrobe: ['shelf', 'dresser'],
  shelf: ['wardrobe'],
  dresser: ['wardrobe', 'tv_stand'],
  tv_stand: ['dresser'],
};

/** «Стол с регулировкой высоты» is a desk, «rocking chair» an armchair: the section the named features belong to. */
function sectionFor(category: Category | undefined, features: readonly Feature[]): Category | undefined {
  if (category === undefined || features.every((feature) => featureApplies(feature, category))) return category;
  return NEIGHBOURS[category]?.find((neighbour) => features.every((feature) => featureApplies(feature, neighbour))) ?? category;
}

function withFeatures(previous: readonly Feature[], added: readonly Feature[]): Feature[] {
  const result = [...previous];
  for (const feature of added) {
    const rivals = EXCLUSIVE.find((group) => group.includes(feature)) ?? [];
    for (let i = result.length - 1; i >= 0; i--) if (rivals.includes(result[i]!)) result.splice(i, 1);
    if (!result.includes(feature)) result.push(feature);
  }
  return result;
}

/** A size as written, turned into what it bounds in this section: «160×200» is a bed's sleeping place, a table's footprint. */
export function sizeWishFor(cue: SizeCue, category: Category | undefined): SizeWish | undefined {
  const sleeping = category !== undefined && SLEEPING.has(category);
  switch (cue.kind) {
    case 'pair':
      if (category !== undefined && SLEEPING_PAIRS.has(category)) return { kind: 'sleep', width: cue.width, length: cue.length };
      return around('width', cue.length);
    case 'bare':
      return sleeping && cue.value >= BARE_SLEEP_MIN && cue.value <= BARE_SLEEP_MAX ? { kind: 'sleep', width: cue.value } : undefined;
    case 'measure': {
      if (sleeping && cue.measure === undefined && cue.value !== undefined && cue.value <= BARE_SLEEP_MAX) {
        return { kind: 'sleep', width: cue.value };
      }
      const measure = cue.measure === undefined || cue.measure === 'length' ? 'width' : cue.measure;
      if (cue.value !== undefined) return around(measure, cue.value);
      return {
        kind: 'measure',
        measure,
        ...(cue.min !== undefined ? { min: cue.min } : {}),
        ...(cue.max !== undefined ? { max: cue.max } : {}),
      };
    }
  }
}

function around(measure: 'width' | 'depth' | 'height', value: number): SizeWish {
  return { kind: 'measure', measure, min: Math.round(value * (1 - AROUND)), max: Math.round(value * (1 + AROUND)) };
}
