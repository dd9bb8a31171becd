import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../functions/domain/understanding/language';
import { tokenize } from '../../functions/domain/understanding/tokens';

const languageOf = (text: string) => detectLanguage(tokenize(text));

describe('detectLanguage', () => {
  it.each([
    'Здравствуйте, нужен диван',
    'диван до 200к pls',
    'Hi! нужен серый диван',
    'диван',
    '200000',
    '',
    'Здравствуйте, есть диваны? Рахмет',
    'hochu krasnyi divan',
    'nuzhen shkaf do 200k',
    'privet, est stoly?',
  ])('reads %j as Russian', (text) => {
    expect(languageOf(text)).toBe('ru');
  });

  it.each([
    'Сәлеметсіз бе!',
    'Салем, диван керек',
    'кызыл диван бар ма',
    'диванды көрсетіңіз',
    'креслолар',
    'шкафты',
    'бежевый диван керек',
    'диван 200 мыңға дейін',
    'сiз', // a Latin i typed for Kazakh і
    'qyzyl divan kerek',
    'aq kereuet bar ma',
    'sur ústel',
    'jasyl kreslo',
    'sary divan 200 myń teńgege deiin',
  ])('reads %j as Kazakh', (text) => {
    expect(languageOf(text)).toBe('kk');
  });

  it.each(['Hi', 'show me red sofas', 'stop', 'sofa', 'bar stool', 'TV unit', 'do you have 2 chairs in black?', 'asdfgh'])(
    'reads %j as English',
    (text) => {
      expect(languageOf(text)).toBe('en');
    },
  );
});
