import type { Category, Color, Style } from '../catalog/product';

/**
 * What the assistant has learnt a customer likes. Counts, not flags: every
 * message and every product they open adds weight, so the strongest taste
 * wins and an old whim fades behind repeated interest.
 */
export interface Preferences {
  budgetMin?: number;
  budgetMax?: number;
  colors: Partial<Record<Color, number>>;
  styles: Partial<Record<Style, number>>;
  categories: Partial<Record<Category, number>>;
}

export const NO_PREFERENCES: Preferences = { colors: {}, styles: {}, categories: {} };

/** What one message or one viewed product says about the customer's taste. */
export interface PreferenceSignal {
  category?: Category;
  color?: Color;
  style?: Style;
  budgetMin?: number;
  budgetMax?: number;
  /** How much this signal counts: an explicit request 2, a viewed product 1. */
  weight: number;
}

function bump<K extends string>(counts: Partial<Record<K, number>>, key: K | undefined, weight: number): Partial<Record<K, number>> {
  if (key === undefined) return counts;
  return { ...counts, [key]: (counts[key] ?? 0) + weight };
}

export function applySignal(preferences: Preferences, signal: PreferenceSignal): Preferences {
  const next: Preferences = {
    ...preferences,
    colors: bump(preferences.colors, signal.color, signal.weight),
    styles: bump(preferences.styles, signal.style, signal.weight),
    categories: bump(preferences.categories, signal.category, signal.weight),
  };
  // A budget the customer states replaces the old one: people revise budgets, they do not average them.
  if (signal.budgetMin !== undefined || signal.budgetMax !== undefined) {
    delete next.budgetMin;
    delete next.budgetMax;
    if (signal.budgetMin !== undefined) next.budgetMin = signal.budgetMin;
    if (signal.budgetMax !== undefined) next.budgetMax = signal.budgetMax;
  }
  return next;
}

/** The strongest key of a count map, if any. */
export function favourite<K extends string>(counts: Partial<Record<K, number>>): K | undefined {
  let best: K | undefined;
  let bestCount = 0;
  for (const [key, count] of Object.entries(counts) as Array<[K, number]>) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
