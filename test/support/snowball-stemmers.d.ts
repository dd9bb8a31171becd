// The package ships plain JavaScript; this covers what the stemmers' equivalence test uses (test/catalog/stemmers.test.ts).
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
}
