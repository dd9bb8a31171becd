import { describe, expect, it } from 'vitest';
import { editDistance, typoTolerance } from '../../functions/domain/understanding/fuzzy';
import { kazakhReadings } from '../../functions/domain/understanding/kazakh';
import { analyze, understand } from '../../functions/domain/understanding/understand';

describe('Russian word forms', () => {
  it.each([
    ['sofa', ['диван', 'диваны', 'диванов', 'диваном', 'диванчик', 'диванчики', 'софа', 'софу', 'софой', 'тахту', 'кушетки']],
    ['armchair', ['кресло', 'кресла', 'кресел', 'креслами', 'креслице', 'качалку']],
    ['chair', ['стул', 'стулья', 'стульев', 'стульями', 'стульчик', 'табурет', 'табуретки', 'табуреточка']],
    ['dining_table', ['стол', 'столы', 'столом', 'столов', 'столу']],
    ['coffee_table', ['столик', 'столики', 'столиков', 'журнальный столик', 'кофейный стол']],
    ['desk', ['письменный стол', 'письменного стола', 'компьютерный стол', 'парта', 'стол для работы']],
    ['bed', ['кровать', 'кровати', 'кроватью', 'кроватей', 'кроватка', 'кроватку']],
    ['mattress', ['матрас', 'матрасы', 'матрац', 'матрацы', 'матрасик']],
    ['wardrobe', ['шкаф', 'шкафы', 'шкафу', 'шкафчик', 'шкаф-купе', 'шкафы-купе', 'гардероб', 'гардеробная']],
    ['dresser', ['комод', 'комоды', 'комодик', 'прикроватная тумбочка']],
    ['shelf', ['стеллаж', 'стеллажи', 'полка', 'полки', 'полок', 'полочка', 'полочек', 'книжный шкаф', 'этажерку']],
    ['tv_stand', ['тумба', 'тумбу', 'тумбочка', 'тумбочек', 'тумба под телевизор', 'тв-тумба']],
  ] as const)('reads the forms of %s', (category, forms) => {
    for (const form of forms) expect(understand(form).category, form).toBe(category);
  });

  it.each([
    ['red', ['красный', 'красную', 'красного', 'красненький', 'бордовое', 'вишнёвый', 'малиновый']],
    ['blue', ['синий', 'синюю', 'тёмно-синий', 'темно синий', 'голубого', 'серо-голубой', 'бирюзовое']],
    ['white', ['белый', 'белым', 'белые', 'беленький', 'белоснежная', 'молочно-белый']],
    ['black', ['чёрный', 'черный', 'черную', 'черными']],
    ['grey', ['серый', 'серого', 'светло-серое', 'графит', 'графитовый', 'антрацит']],
    ['brown', ['коричневый', 'шоколадного', 'орех', 'ореховый', 'венге']],
    ['green', ['зелёный', 'изумрудный', 'оливковое', 'мятный']],
    ['beige', ['бежевый', 'беж', 'кремовый', 'молочный', 'песочный', 'цвета слоновой кости']],
    ['yellow', ['жёлтый', 'горчичный', 'лимонный']],
  ] as const)('reads the forms of %s', (color, forms) => {
    for (const form of forms) expect(understand(form).color, form).toBe(color);
  });

  it('forgives common typos but not other real words', () => {
    expect(understand('дивн').category).toBe('sofa');
    expect(understand('креслао').category).toBe('armchair');
    expect(understand('шкав').category).toBe('wardrobe');
    expect(understand('сирый').color).toBe('grey');
    expect(understand('кравать').category).toBe('bed');
    expect(understand('камод').category).toBe('dresser');
    expect(understand('бардовый').color).toBe('red');
    for (const word of ['столица', 'столько', 'Софья', 'Диана', 'график', 'комок', 'крест', 'сова', 'красивый', 'целый', 'стало']) {
      const { category, color } = understand(word);
      expect({ category, color }, word).toEqual({});
    }
  });

  it('does not read what the customer owns or refuses as what they want', () => {
    expect(understand('что подойдёт к моему серому дивану?')).toEqual({ intent: 'recommend', language: 'ru' });
    expect(understand('диван любого цвета, только не черный').color).toBeUndefined();
    expect(understand('не диван, а кресло').category).toBe('armchair');
    expect(understand('без подлокотников диван').category).toBe('sofa');
  });

  it('tells where it read each attribute', () => {
    const text = 'Хочу журнальный столик, тёмно-синий, в стиле лофт';
    const spans = analyze(text).spans.map(({ field, start, end }) => [field, text.slice(start, end)]);
    expect(spans).toEqual([
      ['category', 'журнальный'],
      ['category', 'столик'],
      ['color', 'синий'],
      ['style', 'лофт'],
    ]);
  });
});

describe('Kazakh words', () => {
  it('strips stacked suffixes to the root and notes «my»', () => {
    const roots = kazakhReadings('устелдерине').map(({ root }) => root);
    expect(roots).toContain('устел');
    expect(kazakhReadings('диваныма').find(({ root }) => root === 'диван')?.mine).toBe(true);
  });

  it('reads nouns with suffixes but not verbs that start like a colour', () => {
    expect(understand('кереуетті').category).toBe('bed');
    expect(understand('үстелдер').category).toBe('dining_table');
    expect(understand('креслоны').category).toBe('armchair');
    for (const word of ['қарады', 'қарағанда', 'сұрады', 'әкесі', 'көктем']) expect(understand(word).color, word).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts vowel slips and swaps once, consonant changes twice', () => {
    expect(editDistance('камод', 'комод', 2)).toBe(1);
    expect(editDistance('дивн', 'диван', 2)).toBe(1);
    expect(editDistance('armchiar', 'armchair', 2)).toBe(1);
    expect(editDistance('график', 'графит', 2)).toBe(2);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('tolerates one typo from five letters and two from eight', () => {
    expect(typoTolerance('стол')).toBe(0);
    expect(typoTolerance('диван')).toBe(1);
    expect(typoTolerance('скандинавск')).toBe(2);
  });
});
