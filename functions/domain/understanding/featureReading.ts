import type { Feature } from '../catalog/productFeatures';
import { FEATURE_WORDS } from './featureWords';
import type { Word } from './meaning';
import { isNegatedAt } from './negation';
import { findLabels, labelledPhrases } from './phrases';

const FEATURE_PHRASES = labelledPhrases<Feature>(FEATURE_WORDS);

/** The features the customer asks for, in the order named; negated ones («без зеркала») are left out. */
export function readFeatures(words: readonly Word[]): Feature[] {
  const features: Feature[] = [];
  for (const match of findLabels(words, FEATURE_PHRASES)) {
    if (isNegatedAt(words, match.first) || features.includes(match.label)) continue;
    features.push(match.label);
  }
  return features;
}
