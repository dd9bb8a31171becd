import type { Language } from '../language';

/**
 * The catalog's materials (Russian, as the store writes them) in Kazakh and
 * English, for answers to «неден жасалған?» and «what is it made of?». A
 * material missing here is shown as the store wrote it.
 */
const MATERIALS: Readonly<Record<string, { kk: string; en: string }>> = {
  'массив дуба': { kk: 'емен массиві', en: 'solid oak' },
  'массив бука': { kk: 'бук массиві', en: 'solid beech' },
  'массив ясеня': { kk: 'шаған массиві', en: 'solid ash' },
  'массив сосны': { kk: 'қарағай массиві', en: 'solid pine' },
  'шпон ореха': { kk: 'жаңғақ шпоны', en: 'walnut veneer' },
  лдсп: { kk: 'ЛДСП (ламинатталған ағаш-жоңқа тақтасы)', en: 'laminated chipboard' },
  мдф: { kk: 'МДФ', en: 'MDF' },
  'мдф в эмали': { kk: 'эмальмен қапталған МДФ', en: 'enamelled MDF' },
  металл: { kk: 'металл', en: 'metal' },
  стекло: { kk: 'шыны', en: 'glass' },
  керамика: { kk: 'керамика', en: 'ceramic' },
  пластик: { kk: 'пластик', en: 'plastic' },
  велюр: { kk: 'велюр', en: 'velour' },
  микровелюр: { kk: 'микровелюр', en: 'microvelour' },
  вельвет: { kk: 'вельвет', en: 'corduroy' },
  букле: { kk: 'букле', en: 'bouclé' },
  рогожка: { kk: 'рогожка (тығыз тоқылған мата)', en: 'matting weave fabric' },
  шенилл: { kk: 'шенилл', en: 'chenille' },
  жаккард: { kk: 'жаккард', en: 'jacquard' },
  'натуральная кожа': { kk: 'табиғи былғары', en: 'genuine leather' },
  экокожа: { kk: 'экобылғары', en: 'eco-leather' },
  латекс: { kk: 'латекс', en: 'latex' },
  'кокосовая койра': { kk: 'кокос талшығы', en: 'coconut coir' },
  'пена с памятью': { kk: 'жады әсері бар көбік (memory foam)', en: 'memory foam' },
  'независимые пружины': { kk: 'тәуелсіз серіппелер', en: 'independent springs' },
  ппу: { kk: 'полиуретан көбігі (ППУ)', en: 'polyurethane foam' },
  'пружинный блок «боннель»': { kk: '«Боннель» серіппелі блогы', en: 'Bonnell spring unit' },
  войлок: { kk: 'киіз', en: 'felt' },
};

/** The product's material in the customer's language, part by part («массив дуба, металл» → «solid oak, metal»). */
export function materialIn(material: string, language: Language): string {
  if (language === 'ru') return material;
  return material
    .split(/,\s*/)
    .map((part) => MATERIALS[part.toLowerCase().replaceAll('ё', 'е')]?.[language] ?? part)
    .join(', ');
}
