import type { Word } from './meaning';
import { findLabels, labelledPhrases } from './phrases';

/** The social part of a conversation: thanks, goodbyes, and a plain «ок, понятно». */
export type Courtesy = 'thanks' | 'goodbye' | 'ack';

const COURTESY_PHRASES = labelledPhrases<Courtesy>({
  thanks: ['спасибо*', 'спс', 'благодар*', 'thank*', 'thx', 'ty', 'cheers', 'рахмет*', 'рақмет*', 'рахмат', 'raqmet', 'rahmet', 'рахметь'],
  goodbye: [
    'до свидания',
    'досвидания',
    'пока',
    'всего доброго',
    'всего хорошего',
    'до встречи',
    'хорошего дня',
    'хорошего вечера',
    'подумаю',
    'я подумаю',
    'bye',
    'goodbye',
    'see you',
    'have a nice day',
    'have a good day',
    'think about it',
    'сау бол*',
    'қош бол*',
    'көріскенше',
    'ойланам*',
    'ойланып көрей*',
    'ойлан*',
  ],
  ack: [
    'понятно',
    'ясно',
    'ок',
    'окей',
    'хорошо',
    'ладно',
    'поняла',
    'понял',
    'ok',
    'okay',
    'got it',
    'i see',
    'fine',
    'түсінікті',
    'түсіндім',
    'жарайды',
    'жақсы',
    'мақұл',
  ],
});

/** Thanks or a goodbye anywhere, or an acknowledgement; the social word a reply should answer. */
export function readCourtesy(words: readonly Word[]): Courtesy | undefined {
  const found = findLabels(words, COURTESY_PHRASES).map((match) => match.label);
  return found.find((label) => label !== 'ack') ?? found[0];
}
