import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newStemmer } from 'snowball-stemmers';
import { describe, expect, it } from 'vitest';
import { englishStem } from '../../functions/domain/catalog/englishStemmer';
import { russianStem } from '../../functions/domain/catalog/russianStemmer';
import { tokenize } from '../../functions/domain/catalog/russianText';

/**
 * The catalog's own Snowball stemmers against the snowball-stemmers package
 * they replace (the package stays a devDependency for this test only): every
 * word of the app's vocabulary — the catalog, the bot's texts and prompts, the
 * understanding's lexicons, the evaluation dialogues and labelled messages,
 * the README — must stem exactly as before, so search finds what it found.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = ['data', 'templates', 'eval', 'functions/domain', 'test/understanding', 'README.md'];

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full).flatMap((entry) => files(join(path, entry)));
}

const vocabulary = new Set(SOURCES.flatMap(files).flatMap((file) => tokenize(readFileSync(file, 'utf8'))));
const russianWords = [...vocabulary].filter((word) => /^[а-яәғқңөұүһі]/.test(word));
// Forms the texts may lack: every ending of the algorithm after a few stems.
const RUSSIAN_FORMS = ['читавшись', 'прыгнувши', 'делающий', 'сделанная', 'красивейшие', 'длинный', 'ценность', 'ясно', 'я', 'бра'];
const englishWords = [...vocabulary].filter((word) => /^[a-z]/.test(word));
const ENGLISH_FORMS = ['skies', 'dying', 'generously', 'communism', 'arsenal', 'hopping', 'hoping', 'conditional', 'rationalization'];

describe('the catalog stemmers', () => {
  it('read enough of the vocabulary to mean something', () => {
    expect(russianWords.length).toBeGreaterThan(3_000);
    expect(englishWords.length).toBeGreaterThan(2_000);
  });

  it('stem every Russian (and Kazakh) word exactly as Snowball Russian does', () => {
    const snowball = newStemmer('russian');
    const differing = [...russianWords, ...RUSSIAN_FORMS]
      .filter((word) => russianStem(word) !== snowball.stem(word))
      .map((word) => `${word}: ${russianStem(word)} ≠ ${snowball.stem(word)}`);
    expect(differing).toEqual([]);
  });

  it('stem every English word exactly as Snowball English does', () => {
    const snowball = newStemmer('english');
    const differing = [...englishWords, ...ENGLISH_FORMS]
      .filter((word) => englishStem(word) !== snowball.stem(word))
      .map((word) => `${word}: ${englishStem(word)} ≠ ${snowball.stem(word)}`);
    expect(differing).toEqual([]);
  });
});
