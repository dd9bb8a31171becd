import { describe, expect, it } from 'vitest';
import en from '../../templates/texts/en.json' with { type: 'json' };
import kk from '../../templates/texts/kk.json' with { type: 'json' };
import ru from '../../templates/texts/ru.json' with { type: 'json' };
import { formatTenge } from '../../functions/domain/catalog/tenge';
import { botText } from '../../functions/domain/texts/botTexts';

const FILES: Record<string, Record<string, string>> = { ru, kk, en };

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('templates/texts/<language>.json', () => {
  it('has every key in every language', () => {
    const keys = Object.keys(ru).sort();
    for (const [language, texts] of Object.entries(FILES)) expect(Object.keys(texts).sort(), language).toEqual(keys);
  });

  it('uses the same placeholders for a key in every language', () => {
    for (const [key, reference] of Object.entries(ru)) {
      for (const [language, texts] of Object.entries(FILES)) {
        expect(placeholders(texts[key] ?? ''), `${language} ${key}`).toEqual(placeholders(reference));
      }
    }
  });

  it('has no empty text and no stray braces', () => {
    for (const [language, texts] of Object.entries(FILES)) {
      for (const [key, text] of Object.entries(texts)) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(text.replace(/\{\w+\}/g, ''), `${language} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('Kazakh case endings after values', () => {
  // A tenge amount is read "… теңге", so the endings that follow «₸» are always -ге, -ден, -нің.
  const price = formatTenge(300_000);

  it('puts the dative and ablative endings the ₸ sign needs on budgets and targets', () => {
    expect(botText('kk', 'search.budget.max', { max: price })).toBe(' (бағасы 300\u00a0000\u00a0₸-ге дейін)');
    expect(botText('kk', 'search.budget.min', { min: price })).toBe(' (бағасы 300\u00a0000\u00a0₸-ден бастап)');
    expect(botText('kk', 'alert.target', { target: price })).toBe(' 300\u00a0000\u00a0₸-ге дейін');
    expect(botText('kk', 'alert.alreadyThere', { price, target: price, name: 'X' })).toContain('₸-ден қымбат емес');
  });

  it('keeps names and other values in the nominative, where no one ending fits them all', () => {
    expect(botText('kk', 'handoff.started', { name: 'Ержан', when: '' })).toContain('менеджерге (Ержан)');
    expect(botText('ru', 'handoff.started', { name: 'Ержан', when: '' })).toContain('менеджеру (Ержан)');
  });

  it('calls a price alert «хабарландыру», a message being «хабарлама»', () => {
    const alertTexts = Object.entries(kk).filter(([key]) => /^alerts?\./.test(key) && key !== 'alert.fired' && key !== 'alert.which');
    for (const [key, text] of alertTexts) expect(text, key).not.toMatch(/хабарлама/);
    expect(kk['alerts.list.button']).toBe('Хабарландырулар');
  });
});
