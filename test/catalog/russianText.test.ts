import { describe, expect, it } from 'vitest';
import { relatedStems, searchTerms, stemWord, tokenize } from '../../functions/domain/catalog/russianText';

const stems = (text: string) => searchTerms(text).map((term) => term.stem);

describe('tokenize', () => {
  it('lowercases, reads ё as е and splits on punctuation', () => {
    expect(tokenize('Чёрный ДИВАН, «Осло»!')).toEqual(['черный', 'диван', 'осло']);
  });

  it('separates Cyrillic, Latin and digit runs', () => {
    expect(tokenize('Матрас 160×200, 22см, loft-стиль')).toEqual(['матрас', '160', '200', '22', 'см', 'loft', 'стиль']);
  });

  it('keeps Kazakh letters inside words', () => {
    expect(tokenize('Қазақ үй')).toEqual(['қазақ', 'үй']);
  });
});

describe('searchTerms', () => {
  it('drops the words of a request that say nothing about the product', () => {
    expect(stems('Хочу диван, пожалуйста')).toEqual(stems('диван'));
    expect(stems('мне нужен стол для кухни до 100 тысяч')).toEqual(stems('стол кухни 100'));
    expect(stems('I want a sofa for the kitchen')).toEqual(['sofa', 'kitchen']);
  });

  it('stems Russian word forms to one stem', () => {
    expect(stems('диваны')).toEqual(stems('диван'));
    expect(stems('угловые')).toEqual(stems('угловой'));
    expect(stems('шкафы')).toEqual(stems('шкаф'));
  });

  it('gives «кровать» and «кровати» one stem although Snowball reads «-ать» as a verb ending', () => {
    expect(stems('кровать')).toEqual(stems('кровати'));
    expect(stems('мебель')).toEqual(stems('мебели'));
  });

  it('stems English words with the English stemmer', () => {
    expect(stems('sofas chairs')).toEqual(['sofa', 'chair']);
  });

  it('treats ё and е as the same letter', () => {
    expect(searchTerms('чёрный жёлтый')).toEqual(searchTerms('черный желтый'));
  });

  it('lists each stem once and keeps numbers', () => {
    expect(stems('диван диваны 160')).toEqual([stemWord('диван'), '160']);
  });

  it('offers the plain word behind a diminutive', () => {
    expect(relatedStems(stemWord('диванчик'))).toContain(stemWord('диван'));
    expect(relatedStems(stemWord('столик'))).toContain(stemWord('стол'));
    expect(relatedStems(stemWord('тумбочка'))).toContain(stemWord('тумба'));
    expect(relatedStems(stemWord('полочка'))).toContain(stemWord('полка'));
  });

  it('offers the material behind an adjective or a compound', () => {
    expect(relatedStems(stemWord('кожаный'))).toContain(stemWord('кожа'));
    expect(relatedStems(stemWord('экокожа'))).toContain(stemWord('кожа'));
    expect(relatedStems(stemWord('дубовый'))).toContain(stemWord('дуб'));
    expect(relatedStems(stemWord('металлический'))).toContain(stemWord('металл'));
    expect(relatedStems(stemWord('микровелюр'))).toContain(stemWord('велюр'));
  });

  it('returns nothing for text of stop words and punctuation only', () => {
    expect(searchTerms('хочу, пожалуйста, мне...')).toEqual([]);
    expect(searchTerms('')).toEqual([]);
  });
});
