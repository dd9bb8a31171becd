import { describe, expect, it } from 'vitest';
import { analyze } from '../../functions/domain/understanding/understand';

const cues = (text: string) => analyze(text).cues;

describe('what a follow-up says beyond its search slots', () => {
  it.each([
    ['покажите третий', [2]],
    ['а 2-ю можно?', [1]],
    ['екіншісін көрсетші', [1]],
    ['3шісі', [2]],
    ['the fourth one', [3]],
    ['show me number 5', [4]],
    ['второйын ашыңыз', [1]],
  ])('«%s» points at a place in the list', (text, positions) => {
    expect(cues(text).reference).toEqual({ kind: 'ordinal', positions });
  });

  it.each([
    ['а он раскладывается?', 'focus'],
    ['оның бағасы қанша', 'focus'],
    ['is it in stock?', 'focus'],
    ['какой из них удобнее', 'all'],
    ['покажи последний', 'last'],
  ] as const)('«%s» points at %s', (text, kind) => {
    expect(cues(text).reference?.kind).toBe(kind);
  });

  it.each([
    ['а подешевле?', 'cheaper'],
    ['слишком дорого', 'cheaper'],
    ['арзанырақ бар ма', 'cheaper'],
    ['самый недорогой', 'cheapest'],
    ['what is the cheapest', 'cheapest'],
    ['ең үлкені қайсы', 'biggest'],
    ['а подороже есть', 'pricier'],
  ] as const)('«%s» sorts %s', (text, sort) => {
    expect(cues(text).sort).toBe(sort);
  });

  it('leaves a comparative next to an amount to the budget', () => {
    expect(cues('дешевле 200 тысяч').sort).toBeUndefined();
    expect(analyze('дешевле 200 тысяч').understanding.budget_max).toBe(200_000);
  });

  it.each([
    ['угловой диван с ящиком для белья', ['corner', 'drawers']],
    ['шкаф с зеркалом', ['mirror']],
    ['бұрыштық диван, былғары', ['corner', 'leather']],
    ['memory foam mattress', ['memory_foam']],
    ['диван без механизма, но велюровый', ['velour']],
  ])('«%s» asks for %j', (text, features) => {
    expect(cues(text).features).toEqual(features);
  });

  it('reads sizes in figures and in words, and a television’s diagonal, never as money', () => {
    expect(cues('кровать 160 на 200').size).toEqual({ kind: 'pair', width: 160, length: 200 });
    expect(cues('матрас 90 200').size).toEqual({ kind: 'pair', width: 90, length: 200 });
    expect(cues('шкаф шириной два метра').size).toEqual({ kind: 'measure', measure: 'width', value: 200 });
    expect(cues('не шире 120 см').size).toMatchObject({ kind: 'measure', max: 120 });
    expect(cues('тумба до 65 дюймов').tvInches).toBe(65);
    expect(analyze('тумба до 65 дюймов').understanding.budget_max).toBeUndefined();
    expect(analyze('матрас 90 200').understanding.budget_max).toBeUndefined();
  });

  it('reads questions about a product and about the store', () => {
    expect(cues('какие у него габариты?').productTopic).toBe('dimensions');
    expect(cues('неден жасалған?').productTopic).toBe('material');
    expect(cues('what colour is it').productTopic).toBe('color');
    expect(cues('в Караганду доставляете?').storeTopic).toBe('delivery');
    expect(cues('Kaspi бөліп төлеу бар ма').storeTopic).toBe('payment');
    expect(cues('какая гарантия').storeTopic).toBe('warranty');
  });

  it('reads thanks, goodbyes, buying, totals and a set of several items', () => {
    expect(cues('спасибо огромное').courtesy).toBe('thanks');
    expect(cues('рақмет').courtesy).toBe('thanks');
    expect(cues('ладно, подумаю, до свидания').courtesy).toBe('goodbye');
    expect(cues('беру').acts).toContain('buy');
    expect(cues('сколько всего выйдет').acts).toContain('total');
    expect(cues('стол и 6 стульев').items).toEqual([{ category: 'dining_table' }, { category: 'chair', quantity: 6 }]);
    expect(cues('диван-кровать и два кресла').items).toEqual([{ category: 'sofa' }, { category: 'armchair', quantity: 2 }]);
  });
});
