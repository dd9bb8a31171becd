import { describe, expect, it } from 'vitest';
import { analyze, understand } from '../../functions/domain/understanding/understand';
import { combineNumberWords, parseNumberLiteral, unitOf } from '../../functions/domain/understanding/numbers';

function budget(text: string): { min?: number; max?: number; target?: number } {
  const { budget_min: min, budget_max: max, target_price: target } = understand(text);
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), ...(target !== undefined ? { target } : {}) };
}

describe('parseNumberLiteral', () => {
  it.each([
    ['200 000', false, 200_000],
    ['200000', false, 200_000],
    ['150,000', false, 150_000],
    ['1.500.000', false, 1_500_000],
    ['150.000', false, 150_000],
    ['1,5', true, 1.5],
    ['1.5', true, 1.5],
    ['1,250', true, 1.25],
    ['1 200 000', false, 1_200_000],
  ] as const)('reads %j (multiplier after: %s) as %d', (literal, beforeMultiplier, value) => {
    expect(parseNumberLiteral(literal, beforeMultiplier)).toBe(value);
  });
});

describe('number words and units', () => {
  it('adds number words as spoken', () => {
    expect(combineNumberWords([100, 50])).toBe(150); // сто пятьдесят
    expect(combineNumberWords([2, 100, 50])).toBe(250); // екі жүз елу / two hundred fifty
    expect(combineNumberWords([1.5])).toBe(1.5); // полтора
  });

  it('knows thousand and million words, currencies and Kazakh case endings', () => {
    expect(unitOf('тыс')?.unit.multiplier).toBe(1_000);
    expect(unitOf('мын')?.unit.multiplier).toBe(1_000);
    expect(unitOf('млн')?.unit.multiplier).toBe(1_000_000);
    expect(unitOf('тенге')?.unit.currency).toBe(true);
    expect(unitOf('мыннан')).toEqual({ unit: expect.objectContaining({ multiplier: 1_000 }), kazakhCase: 'from' });
    expect(unitOf('тенгеге')).toEqual({ unit: expect.objectContaining({ currency: true }), kazakhCase: 'to' });
  });
});

describe('budgets as people write them', () => {
  it.each([
    ['диван до 200 000', { max: 200_000 }],
    ['диван до 200000', { max: 200_000 }],
    ['диван до 200к', { max: 200_000 }],
    ['sofa under 200k', { max: 200_000 }],
    ['диван 200 тыс.', { max: 200_000 }],
    ['диван 200 тысяч', { max: 200_000 }],
    ['диван 200т', { max: 200_000 }],
    ['диван до 1,5 млн', { max: 1_500_000 }],
    ['диван 1.5 млн', { max: 1_500_000 }],
    ['диван за полтора миллиона', { max: 1_500_000 }],
    ['диван до двухсот тысяч', { max: 200_000 }],
    ['диван от 100 до 200 тыс', { min: 100_000, max: 200_000 }],
    ['диван 80-120 тыс', { min: 80_000, max: 120_000 }],
    ['диван 80–120к', { min: 80_000, max: 120_000 }],
    ['диван 150 000 ₸', { max: 150_000 }],
    ['диван 150 000 тг', { max: 150_000 }],
    ['диван 150 000 тенге', { max: 150_000 }],
    ['диван 150 000 тнг', { max: 150_000 }],
    ['диван 200 мың', { max: 200_000 }],
    ['диван 1 млн теңге', { max: 1_000_000 }],
    ['sofa 150,000', { max: 150_000 }],
    ['sofa below 150 000', { max: 150_000 }],
    ['sofa between 100k and 200k', { min: 100_000, max: 200_000 }],
    ['sofa from 100k to 200k', { min: 100_000, max: 200_000 }],
    ['диван не дороже 300 тысяч', { max: 300_000 }],
    ['диван максимум 250к', { max: 250_000 }],
    ['диван дешевле 100 тыс', { max: 100_000 }],
    ['диван дороже 500 тыс', { min: 500_000 }],
    ['диван от 500 тыс', { min: 500_000 }],
    ['диван в пределах 300к', { max: 300_000 }],
    ['диван до 150000', { max: 150_000 }],
    ['диван 200к и выше', { min: 200_000 }],
    ['диван до 200', { max: 200_000 }],
    ['диван до миллиона', { max: 1_000_000 }],
    ['диван в пределах полумиллиона', { max: 500_000 }],
    ['диван 200 мыңға дейін', { max: 200_000 }],
    ['диван 200 мыңнан арзан', { max: 200_000 }],
    ['диван 150 мыңнан жоғары', { min: 150_000 }],
    ['100 мыңнан 200 мыңға дейін диван', { min: 100_000, max: 200_000 }],
    ['диван 200 000-нан арзан', { max: 200_000 }],
  ])('%j → %j', (text, expected) => {
    expect(budget(text)).toEqual(expected);
  });

  it('reads «около»/«around» as the amount ± 20%', () => {
    expect(budget('диван около 200 тыс')).toEqual({ min: 160_000, max: 240_000 });
    expect(budget('диван примерно 200к')).toEqual({ min: 160_000, max: 240_000 });
    expect(budget('sofa around 300k')).toEqual({ min: 240_000, max: 360_000 });
    expect(budget('диван шамамен 200 мың')).toEqual({ min: 160_000, max: 240_000 });
  });

  it.each([
    'кровать 160×200',
    'кровать 160х200',
    'кровать 160 на 200',
    'кровать 180 см',
    'шкаф 2 метра',
    'диван 3-местный',
    'стол на 4 человека',
    '2 стула',
    'стулья, 6 штук',
    'кровать 1600',
    'диван 250',
    'скидка 20%',
    'диван 2019 года',
    'артикул 123456',
    'перезвоните +7 701 123 45 67',
    'доставка за 2 дня',
    'a table for 6 people',
    'sofa 3 seater',
  ])('finds no price in %j', (text) => {
    expect(analyze(text).prices).toEqual([]);
  });

  it('keeps a size next to a budget apart from it', () => {
    expect(budget('матрас 160 на 200 до 150 тыс')).toEqual({ max: 150_000 });
    expect(budget('Стол с 6 стульями до 500 тыс')).toEqual({ max: 500_000 });
    expect(budget('шкаф-купе шириной 180 см до 350к')).toEqual({ max: 350_000 });
  });

  it('gives a price alert a target, never a budget', () => {
    expect(budget('сообщите, когда подешевеет до 140 тыс')).toEqual({ target: 140_000 });
    expect(budget('notify me when it drops below 100k')).toEqual({ target: 100_000 });
    expect(budget('диван 150 мыңға түссе хабарлаңыз')).toEqual({ target: 150_000 });
  });

  it('tells where each amount is written', () => {
    const [price] = analyze('диван до 200 тыс, серый').prices;
    expect(price).toMatchObject({ bound: 'max', low: 200_000, high: 200_000 });
    expect('диван до 200 тыс, серый'.slice(price?.start, price?.end)).toBe('200 тыс');
  });
});
