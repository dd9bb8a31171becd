import type { Word } from './meaning';
import { findLabels, labelledPhrases } from './phrases';

/** How the customer wants the current search reordered or narrowed by price or size. */
export type SortCue = 'cheaper' | 'pricier' | 'cheapest' | 'priciest' | 'bigger' | 'smaller' | 'biggest' | 'smallest';

// Comparatives («дешевле», «больше») bound a budget when an amount follows («дешевле 200к»): then they are not a sort.
const COMPARATIVES = new Set<SortCue>(['cheaper', 'pricier', 'bigger', 'smaller']);

const SORT_PHRASES = labelledPhrases<SortCue>({
  cheapest: [
    'сам* дешев*',
    'сам* недорог*',
    'сам* бюджетн*',
    'сам* доступн*',
    'сам* дешм*',
    'наиболее дешев*',
    'дешевле всего',
    'подешевле всего',
    'минимальн* цен*',
    'cheapest',
    'least expensive',
    'lowest price',
    'ең арзан*',
    'арзанырағы',
  ],
  priciest: ['сам* дорог*', 'сам* элитн*', 'сам* премиальн*', 'дороже всего', 'most expensive', 'priciest', 'ең қымбат*'],
  biggest: [
    'сам* больш*',
    'сам* широк*',
    'сам* просторн*',
    'сам* вместительн*',
    'сам* длинн*',
    'biggest',
    'largest',
    'widest',
    'ең үлкен*',
    'ең кең*',
  ],
  smallest: ['сам* маленьк*', 'сам* компактн*', 'сам* узк*', 'сам* небольш*', 'smallest', 'most compact', 'ең кіші*', 'ең шағын*'],
  // «Дешёвый диван» with nothing shown yet is the cheapest first; after a list it is cheaper than what was shown.
  cheaper: [
    'подешевле',
    'по дешевле',
    'дешевле',
    'дешев*',
    'недорог*',
    'бюджетн*',
    'бюджетнее',
    'подоступнее',
    'не такой дорог*',
    'не такие дорог*',
    'слишком дорог*',
    'дороговато',
    'дорого',
    'cheaper',
    'cheap',
    'inexpensive',
    'affordable',
    'less expensive',
    'too expensive',
    'too pricey',
    'арзан*',
    'арзанырақ',
    'арзандау',
    'арзанырак',
    'қымбат екен',
    'тым қымбат',
  ],
  pricier: ['подороже', 'по дороже', 'дороже', 'получше', 'поприличнее', 'more expensive', 'pricier', 'premium', 'қымбаттау', 'қымбатырақ'],
  bigger: [
    'побольше',
    'по больше',
    'покрупнее',
    'пошире',
    'подлиннее',
    'просторнее',
    'bigger',
    'larger',
    'wider',
    'үлкенірек',
    'кеңірек',
    'үлкендеу',
  ],
  smaller: [
    'поменьше',
    'по меньше',
    'покомпактнее',
    'поуже',
    'покороче',
    'smaller',
    'more compact',
    'narrower',
    'кішірек',
    'кішілеу',
    'шағынырақ',
  ],
});

/**
 * The first sort the message asks for. A comparative next to an amount
 * («дешевле 200 тысяч») is a budget bound the price reader takes, not a sort.
 */
export function readSort(words: readonly Word[], hasPrice: boolean): SortCue | undefined {
  const found = findLabels(words, SORT_PHRASES).find((match) => !(hasPrice && COMPARATIVES.has(match.label)));
  return found?.label;
}
