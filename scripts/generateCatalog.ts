// Writes data/catalog.json, the embedded demo catalog. Run: npx tsx scripts/generateCatalog.ts
// The generator is seeded, so running it again gives byte-identical output.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COLORS, STYLES, productSchema } from '../functions/domain/catalog/product';
import type { Category, Color, Product, Style } from '../functions/domain/catalog/product';
import { seededRandom } from './seededRandom';

const OUTPUT = fileURLToPath(new URL('../data/catalog.json', import.meta.url));
const SEED = 20261125;
const MAX_DESCRIPTION = 200;

// ---------------------------------------------------------------- randomness

// Every helper below draws from this; `generateCatalog` reseeds it so each run starts alike.
let random = seededRandom(SEED);

function between(min: number, max: number): number {
  return min + (max - min) * random();
}

function integer(min: number, max: number): number {
  return Math.floor(between(min, max + 1));
}

function chance(probability: number): boolean {
  return random() < probability;
}

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function weighted<T extends string>(weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [item, weight] of entries) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return entries[entries.length - 1]![0];
}

// ---------------------------------------------------------------- Russian grammar

type Gender = 'm' | 'f' | 'n' | 'pl';

const COLOR_WORDS: Record<Color, Record<Gender | 'genitive', string>> = {
  red: { m: 'красный', f: 'красная', n: 'красное', pl: 'красные', genitive: 'красного' },
  blue: { m: 'синий', f: 'синяя', n: 'синее', pl: 'синие', genitive: 'синего' },
  white: { m: 'белый', f: 'белая', n: 'белое', pl: 'белые', genitive: 'белого' },
  black: { m: 'чёрный', f: 'чёрная', n: 'чёрное', pl: 'чёрные', genitive: 'чёрного' },
  grey: { m: 'серый', f: 'серая', n: 'серое', pl: 'серые', genitive: 'серого' },
  brown: { m: 'коричневый', f: 'коричневая', n: 'коричневое', pl: 'коричневые', genitive: 'коричневого' },
  green: { m: 'зелёный', f: 'зелёная', n: 'зелёное', pl: 'зелёные', genitive: 'зелёного' },
  beige: { m: 'бежевый', f: 'бежевая', n: 'бежевое', pl: 'бежевые', genitive: 'бежевого' },
  yellow: { m: 'жёлтый', f: 'жёлтая', n: 'жёлтое', pl: 'жёлтые', genitive: 'жёлтого' },
};

const STYLE_PHRASES: Record<Style, string> = {
  modern: 'в современном стиле',
  classic: 'в классическом стиле',
  minimalism: 'в стиле минимализм',
  loft: 'в стиле лофт',
  scandinavian: 'в скандинавском стиле',
};

// Neutral colours sell far more often than bright ones; shelves follow demand.
const COLOR_DEMAND: Record<Color, number> = {
  grey: 16,
  beige: 14,
  white: 14,
  brown: 14,
  black: 10,
  blue: 9,
  green: 8,
  red: 5,
  yellow: 4,
};

const COLLECTIONS: Record<Style, readonly string[]> = {
  scandinavian: ['Осло', 'Нордик', 'Берген', 'Стокгольм', 'Хельсинки', 'Фьорд', 'Хюгге', 'Лагом', 'Упсала', 'Мальмё'],
  loft: ['Бруклин', 'Сохо', 'Детройт', 'Чикаго', 'Манхэттен', 'Индастриал', 'Гарлем', 'Бронкс'],
  classic: ['Верона', 'Версаль', 'Флоренция', 'Венеция', 'Прованс', 'Виктория', 'Империал', 'Равенна'],
  modern: ['Милан', 'Турин', 'Монако', 'Ницца', 'Алатау', 'Медеу', 'Палермо', 'Лион', 'Бари'],
  minimalism: ['Кубо', 'Линеа', 'Соло', 'Минима', 'Токио', 'Киото', 'Дзен', 'Аура'],
};

const MATTRESS_LINES = ['Комфорт+', 'Ортосон', 'Релакс', 'Баланс', 'Аэро', 'Эрго', 'Сон Премиум', 'Кокос Макси', 'Мемори', 'Лайт'];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------- materials

interface Material {
  /** As the product card names it: «велюр», «массив дуба». */
  name: string;
  /** After «из»: «из велюра», «из массива дуба». */
  genitive: string;
  styles: readonly Style[];
  /** Price relative to the cheapest material of its kind. */
  cost: number;
}

const FABRICS: readonly Material[] = [
  { name: 'велюр', genitive: 'велюра', styles: ['modern', 'classic', 'minimalism'], cost: 1.05 },
  { name: 'рогожка', genitive: 'рогожки', styles: ['scandinavian', 'modern', 'minimalism'], cost: 1 },
  { name: 'экокожа', genitive: 'экокожи', styles: ['loft', 'minimalism', 'modern'], cost: 1.05 },
  { name: 'натуральная кожа', genitive: 'натуральной кожи', styles: ['classic', 'loft'], cost: 1.45 },
  { name: 'шенилл', genitive: 'шенилла', styles: ['modern', 'classic'], cost: 1.1 },
  { name: 'букле', genitive: 'букле', styles: ['scandinavian', 'modern', 'minimalism'], cost: 1.15 },
  { name: 'жаккард', genitive: 'жаккарда', styles: ['classic'], cost: 1.2 },
  { name: 'микровелюр', genitive: 'микровелюра', styles: ['modern', 'minimalism', 'scandinavian'], cost: 1 },
  { name: 'вельвет', genitive: 'вельвета', styles: ['loft', 'scandinavian'], cost: 1.1 },
];

const BOARDS: readonly Material[] = [
  { name: 'массив дуба', genitive: 'массива дуба', styles: ['classic', 'scandinavian', 'loft'], cost: 1.45 },
  { name: 'массив сосны', genitive: 'массива сосны', styles: ['scandinavian', 'loft'], cost: 1.05 },
  { name: 'массив бука', genitive: 'массива бука', styles: ['classic', 'scandinavian'], cost: 1.3 },
  { name: 'массив ясеня', genitive: 'массива ясеня', styles: ['classic', 'modern'], cost: 1.35 },
  { name: 'ЛДСП', genitive: 'ЛДСП', styles: ['minimalism', 'modern', 'loft', 'scandinavian'], cost: 0.75 },
  { name: 'МДФ', genitive: 'МДФ', styles: ['modern', 'minimalism', 'classic'], cost: 0.9 },
  { name: 'МДФ в эмали', genitive: 'МДФ в эмали', styles: ['modern', 'minimalism'], cost: 1.1 },
  { name: 'шпон ореха', genitive: 'шпона ореха', styles: ['classic', 'modern'], cost: 1.25 },
];

const TABLE_TOPS: readonly Material[] = [
  ...BOARDS.filter((board) => board.name !== 'МДФ в эмали'),
  { name: 'стекло', genitive: 'закалённого стекла', styles: ['modern', 'minimalism'], cost: 1 },
  { name: 'керамика', genitive: 'керамики', styles: ['modern', 'minimalism'], cost: 1.35 },
];

const CHAIR_FRAMES: readonly Material[] = [
  { name: 'металл', genitive: 'металла', styles: ['loft', 'modern', 'minimalism'], cost: 0.9 },
  { name: 'массив бука', genitive: 'массива бука', styles: ['classic', 'scandinavian'], cost: 1.2 },
  { name: 'массив дуба', genitive: 'массива дуба', styles: ['classic', 'scandinavian', 'loft'], cost: 1.4 },
  { name: 'пластик', genitive: 'пластика', styles: ['modern', 'scandinavian', 'minimalism'], cost: 0.7 },
];

function materialFor(materials: readonly Material[], style: Style): Material {
  const fitting = materials.filter((material) => material.styles.includes(style));
  return pick(fitting.length > 0 ? fitting : materials);
}

// ---------------------------------------------------------------- category models

/** One model as the category describes it, before price, stock and tags. */
interface Design {
  name: string;
  description: string;
  material: string;
  dimensions: string;
  /** Where the model sits in its category's price range, 0 (cheapest) to 1. */
  level: number;
}

interface Draw {
  color: Color;
  style: Style;
  collection: string;
}

interface CategoryPlan {
  category: Category;
  prefix: string;
  count: number;
  price: readonly [min: number, max: number];
  colors: readonly Color[];
  styles: readonly Style[];
  design(draw: Draw): Design;
}

interface Kind {
  /** Start of the product name: «Диван угловой». */
  title: string;
  /** How the description calls it, after the colour: «угловой диван». */
  phrase: string;
  gender: Gender;
  level: readonly [number, number];
  features: readonly string[];
  styles?: readonly Style[];
  /** Overrides of the category's size ranges in cm, where a kind differs: a corner sofa is wider. */
  size?: Partial<Record<'widths' | 'depths' | 'heights', readonly [number, number]>>;
}

function kindFor(kinds: readonly Kind[], style: Style): Kind {
  return pick(kinds.filter((kind) => !kind.styles || kind.styles.includes(style)));
}

function levelOf(kind: Kind, material: Material): number {
  return Math.min(1, between(kind.level[0], kind.level[1]) * material.cost);
}

/** «Серый угловой диван в скандинавском стиле» — how every description opens. */
function lead(draw: Draw, kind: Kind): string {
  return `${capitalize(COLOR_WORDS[draw.color][kind.gender])} ${kind.phrase} ${STYLE_PHRASES[draw.style]}`;
}

function sentence(...parts: string[]): string {
  return parts.join(' ');
}

function whd(width: number, depth: number, height: number): string {
  return `Ш ${width} × Г ${depth} × В ${height} см`;
}

const SOFA_KINDS: readonly Kind[] = [
  {
    title: 'Диван прямой',
    phrase: 'прямой диван',
    gender: 'm',
    level: [0.12, 0.4],
    size: { widths: [200, 240], depths: [90, 105] },
    features: ['Три посадочных места и съёмные чехлы подушек.', 'Высокие ножки, под ним легко убирать.'],
  },
  {
    title: 'Диван угловой',
    phrase: 'угловой диван',
    gender: 'm',
    level: [0.35, 0.75],
    size: { widths: [240, 320], depths: [150, 200] },
    features: ['Механизм «дельфин» и вместительный ящик для белья.', 'Оттоманку можно поставить слева или справа.'],
  },
  {
    title: 'Диван-кровать',
    phrase: 'диван-кровать',
    gender: 'm',
    level: [0.18, 0.5],
    size: { widths: [190, 230], depths: [95, 110] },
    features: ['Механизм «еврокнижка», спальное место 140×200 см.', 'Раскладывается «аккордеоном» в ровное спальное место.'],
  },
  {
    title: 'Диван модульный',
    phrase: 'модульный диван',
    gender: 'm',
    level: [0.5, 1],
    size: { widths: [260, 380], depths: [100, 180] },
    features: ['Модули переставляются под любую комнату.', 'Можно докупить модули и собрать угол или остров.'],
    styles: ['modern', 'minimalism', 'loft', 'scandinavian'],
  },
  {
    title: 'Диванчик двухместный',
    phrase: 'двухместный диванчик',
    gender: 'm',
    level: [0.03, 0.22],
    size: { widths: [140, 170], depths: [80, 90] },
    features: ['Компактный, для кухни, прихожей или кабинета.', 'Поместится даже в небольшой студии.'],
  },
  {
    title: 'Диван Честерфилд',
    phrase: 'диван Честерфилд',
    gender: 'm',
    level: [0.45, 0.9],
    size: { widths: [200, 240], depths: [90, 100], heights: [72, 80] },
    features: ['Каретная стяжка и подлокотники-валики.', 'Глубокая каретная стяжка вручную.'],
    styles: ['classic', 'loft'],
  },
];

const ARMCHAIR_KINDS: readonly Kind[] = [
  {
    title: 'Кресло мягкое',
    phrase: 'мягкое кресло',
    gender: 'n',
    level: [0.1, 0.4],
    features: ['Глубокая посадка и высокая спинка.', 'Удобно читать и смотреть фильмы.'],
  },
  {
    title: 'Кресло-качалка',
    phrase: 'кресло-качалка',
    gender: 'n',
    level: [0.25, 0.6],
    features: ['Плавно качается на гнутых полозьях.', 'Мягкая подушка на сиденье и спинке.'],
    styles: ['scandinavian', 'classic', 'modern'],
  },
  {
    title: 'Кресло-реклайнер',
    phrase: 'кресло-реклайнер',
    gender: 'n',
    level: [0.5, 1],
    size: { depths: [90, 100], heights: [100, 110] },
    features: ['Спинка откидывается, подставка для ног выдвигается.', 'Механизм реклайнер с тремя положениями.'],
    styles: ['modern', 'classic', 'loft', 'minimalism'],
  },
  {
    title: 'Кресло-кровать',
    phrase: 'кресло-кровать',
    gender: 'n',
    level: [0.3, 0.65],
    features: ['Раскладывается в спальное место 80×200 см.', 'Для гостей: раскладывается за минуту.'],
  },
  {
    title: 'Кресло с ушами',
    phrase: 'кресло с ушами',
    gender: 'n',
    level: [0.35, 0.8],
    size: { heights: [105, 115] },
    features: ['Высокая спинка с «ушами» укрывает от сквозняка.', 'Каретная стяжка на спинке.'],
    styles: ['classic', 'scandinavian'],
  },
  {
    title: 'Кресло для отдыха',
    phrase: 'кресло для отдыха',
    gender: 'n',
    level: [0.15, 0.5],
    features: ['Наклонная спинка и широкие подлокотники.', 'Лёгкое, легко переставить.'],
    styles: ['loft', 'minimalism', 'modern', 'scandinavian'],
  },
];

const CHAIR_KINDS: readonly Kind[] = [
  {
    title: 'Стул обеденный',
    phrase: 'обеденный стул',
    gender: 'm',
    level: [0.1, 0.5],
    features: ['Устойчивый каркас выдерживает до 120 кг.', 'Мягкое сиденье и удобная спинка.'],
  },
  {
    title: 'Стул барный',
    phrase: 'барный стул',
    gender: 'm',
    level: [0.3, 0.8],
    features: ['Высота сиденья 75 см, подставка для ног.', 'Подходит для барной стойки и кухонного острова.'],
  },
  {
    title: 'Стул мягкий',
    phrase: 'мягкий стул',
    gender: 'm',
    level: [0.3, 0.9],
    features: ['Толстое сиденье из пены высокой плотности.', 'Мягкая спинка с прострочкой.'],
    styles: ['classic', 'modern', 'scandinavian', 'minimalism'],
  },
  {
    title: 'Стул складной',
    phrase: 'складной стул',
    gender: 'm',
    level: [0, 0.25],
    features: ['Складывается в 5 см, хранится за дверью.', 'Для гостей и балкона.'],
    styles: ['modern', 'minimalism', 'scandinavian', 'loft'],
  },
  {
    title: 'Табурет',
    phrase: 'табурет',
    gender: 'm',
    level: [0, 0.2],
    features: ['Лёгкий, ставится один на другой.', 'Подходит для маленькой кухни.'],
  },
  {
    title: 'Стул с подлокотниками',
    phrase: 'стул с подлокотниками',
    gender: 'm',
    level: [0.4, 1],
    features: ['Подлокотники делают долгий ужин удобнее.', 'Широкое сиденье и подлокотники.'],
    styles: ['classic', 'modern', 'loft'],
  },
];

const DINING_TABLE_KINDS: readonly Kind[] = [
  {
    title: 'Стол обеденный',
    phrase: 'обеденный стол',
    gender: 'm',
    level: [0, 0.5],
    features: ['За ним свободно сядут шесть человек.', 'Устойчивые ножки и влагостойкое покрытие.'],
  },
  {
    title: 'Стол обеденный раздвижной',
    phrase: 'раздвижной обеденный стол',
    gender: 'm',
    level: [0.3, 0.85],
    features: ['Раскладывается ещё на 40 см для гостей.', 'Вставка хранится внутри столешницы.'],
  },
  {
    title: 'Стол обеденный круглый',
    phrase: 'круглый обеденный стол',
    gender: 'm',
    level: [0.05, 0.6],
    features: ['Круглая столешница на одной опоре.', 'Без углов — удобно в семье с детьми.'],
  },
  {
    title: 'Стол обеденный овальный',
    phrase: 'овальный обеденный стол',
    gender: 'm',
    level: [0.35, 1],
    features: ['Овальная столешница на шестерых.', 'Мягкие линии и массивные ножки.'],
    styles: ['classic', 'modern', 'scandinavian'],
  },
];

const COFFEE_TABLE_KINDS: readonly Kind[] = [
  {
    title: 'Столик журнальный',
    phrase: 'журнальный столик',
    gender: 'm',
    level: [0.05, 0.5],
    features: ['Нижняя полка для журналов и пультов.', 'Лёгкий, легко переставить.'],
  },
  {
    title: 'Стол журнальный',
    phrase: 'журнальный стол',
    gender: 'm',
    level: [0.3, 0.9],
    features: ['Два выдвижных ящика для мелочей.', 'Вместительная столешница для настольных игр.'],
  },
  {
    title: 'Столик кофейный круглый',
    phrase: 'круглый кофейный столик',
    gender: 'm',
    level: [0.1, 0.6],
    features: ['Круглая столешница на трёх ножках.', 'Ставится у дивана или кресла.'],
  },
  {
    title: 'Столик приставной',
    phrase: 'приставной столик',
    gender: 'm',
    level: [0, 0.3],
    features: ['Задвигается под диван, удобно для ноутбука.', 'Небольшой, для чашки кофе у кресла.'],
  },
  {
    title: 'Стол журнальный трансформер',
    phrase: 'журнальный стол-трансформер',
    gender: 'm',
    level: [0.45, 1],
    features: ['Поднимается до высоты обеденного стола.', 'Подъёмная столешница для работы с дивана.'],
    styles: ['modern', 'minimalism', 'loft'],
  },
];

const DESK_KINDS: readonly Kind[] = [
  {
    title: 'Стол письменный',
    phrase: 'письменный стол',
    gender: 'm',
    level: [0.05, 0.5],
    features: ['Тумба с тремя ящиками.', 'Подходит для школьника и для работы из дома.'],
  },
  {
    title: 'Стол компьютерный',
    phrase: 'компьютерный стол',
    gender: 'm',
    level: [0.05, 0.45],
    features: ['Выдвижная полка для клавиатуры.', 'Отверстия для проводов и полка для системного блока.'],
  },
  {
    title: 'Стол компьютерный угловой',
    phrase: 'угловой компьютерный стол',
    gender: 'm',
    level: [0.2, 0.6],
    size: { widths: [140, 180], depths: [100, 140] },
    features: ['Занимает угол, оставляя комнату свободной.', 'Угловая столешница и надстройка с полками.'],
  },
  {
    title: 'Стол с регулировкой высоты',
    phrase: 'стол с регулировкой высоты',
    gender: 'm',
    level: [0.55, 1],
    size: { heights: [70, 120], depths: [70, 80] },
    features: ['Электропривод поднимает столешницу от 70 до 120 см.', 'Работайте сидя или стоя.'],
    styles: ['modern', 'minimalism', 'loft'],
  },
  {
    title: 'Стол-бюро',
    phrase: 'стол-бюро',
    gender: 'm',
    level: [0.4, 0.9],
    size: { widths: [90, 120], heights: [100, 130] },
    features: ['Откидная крышка прячет бумаги.', 'Надстройка с ящиками и нишами.'],
    styles: ['classic', 'scandinavian'],
  },
];

const BED_KINDS: readonly Kind[] = [
  {
    title: 'Кровать двуспальная',
    phrase: 'двуспальная кровать',
    gender: 'f',
    level: [0.25, 0.7],
    features: ['Ортопедическое основание в комплекте.', 'Усиленное основание из берёзовых ламелей.'],
  },
  {
    title: 'Кровать полутороспальная',
    phrase: 'полутороспальная кровать',
    gender: 'f',
    level: [0.1, 0.45],
    features: ['Ортопедическое основание в комплекте.', 'Для подростка или небольшой спальни.'],
  },
  {
    title: 'Кровать односпальная',
    phrase: 'односпальная кровать',
    gender: 'f',
    level: [0, 0.3],
    features: ['Для детской или гостевой комнаты.', 'Два ящика для белья под основанием.'],
  },
  {
    title: 'Кровать с подъёмным механизмом',
    phrase: 'кровать с подъёмным механизмом',
    gender: 'f',
    level: [0.4, 0.95],
    features: ['Под основанием просторная ниша для белья.', 'Газлифт легко поднимает основание с матрасом.'],
  },
  {
    title: 'Кровать мягкая',
    phrase: 'мягкая кровать',
    gender: 'f',
    level: [0.35, 1],
    features: ['Высокое мягкое изголовье.', 'Изголовье с каретной стяжкой.'],
    styles: ['classic', 'modern', 'minimalism', 'scandinavian'],
  },
];

const WARDROBE_KINDS: readonly Kind[] = [
  {
    title: 'Шкаф-купе',
    phrase: 'шкаф-купе',
    gender: 'm',
    level: [0.2, 0.8],
    features: ['Раздвижные двери экономят место.', 'Бесшумные направляющие и штанга для одежды.'],
  },
  {
    title: 'Шкаф распашной',
    phrase: 'распашной шкаф',
    gender: 'm',
    level: [0.1, 0.6],
    features: ['Полки и штанга для одежды.', 'Доводчики на дверях.'],
  },
  {
    title: 'Шкаф угловой',
    phrase: 'угловой шкаф',
    gender: 'm',
    level: [0.3, 0.9],
    size: { widths: [90, 120], depths: [90, 110] },
    features: ['Использует угол комнаты без потерь.', 'Вместит одежду всей семьи.'],
  },
  {
    title: 'Шкаф с зеркалом',
    phrase: 'шкаф с зеркалом',
    gender: 'm',
    level: [0.25, 1],
    features: ['Зеркало в полный рост на двери.', 'Зеркальная дверь визуально расширяет комнату.'],
    styles: ['modern', 'classic', 'minimalism', 'scandinavian'],
  },
];

const DRESSER_KINDS: readonly Kind[] = [
  {
    title: 'Комод',
    phrase: 'комод',
    gender: 'm',
    level: [0.1, 0.6],
    features: ['Четыре ящика на доводчиках.', 'Ящики на шариковых направляющих.'],
  },
  {
    title: 'Комод узкий',
    phrase: 'узкий комод',
    gender: 'm',
    level: [0, 0.4],
    size: { widths: [50, 80], depths: [30, 35] },
    features: ['Глубина всего 30 см — для узкой прихожей.', 'Пять неглубоких ящиков для мелочей.'],
  },
  {
    title: 'Комод широкий',
    phrase: 'широкий комод',
    gender: 'm',
    level: [0.35, 0.9],
    size: { widths: [140, 180] },
    features: ['Шесть ящиков в два ряда.', 'Можно поставить телевизор сверху.'],
  },
  {
    title: 'Комод с зеркалом',
    phrase: 'комод с зеркалом',
    gender: 'm',
    level: [0.45, 1],
    features: ['Зеркало в раме над столешницей.', 'Для спальни: комод и туалетный столик сразу.'],
    styles: ['classic', 'modern', 'scandinavian'],
  },
];

const SHELF_KINDS: readonly Kind[] = [
  {
    title: 'Стеллаж книжный',
    phrase: 'книжный стеллаж',
    gender: 'm',
    level: [0.2, 0.8],
    features: ['Пять полок выдерживают по 25 кг.', 'Вместит домашнюю библиотеку.'],
  },
  {
    title: 'Стеллаж открытый',
    phrase: 'открытый стеллаж',
    gender: 'm',
    level: [0.15, 0.7],
    features: ['Можно поставить поперёк комнаты для зонирования.', 'Открытые ячейки для книг и декора.'],
  },
  {
    title: 'Стеллаж-лестница',
    phrase: 'стеллаж-лестница',
    gender: 'm',
    level: [0.05, 0.4],
    size: { widths: [50, 80], depths: [30, 45], heights: [150, 180] },
    features: ['Полки уменьшаются кверху — лёгкий силуэт.', 'Прислоняется к стене, не занимает много места.'],
    styles: ['scandinavian', 'loft', 'modern', 'minimalism'],
  },
  {
    title: 'Полка настенная',
    phrase: 'настенная полка',
    gender: 'f',
    level: [0, 0.2],
    size: { heights: [20, 35], depths: [18, 25] },
    features: ['Крепёж в комплекте.', 'Скрытое крепление — полка будто парит.'],
  },
  {
    title: 'Этажерка',
    phrase: 'этажерка',
    gender: 'f',
    level: [0.05, 0.35],
    size: { widths: [40, 60], heights: [90, 130] },
    features: ['Четыре яруса для цветов, книг и мелочей.', 'Для ванной, кухни или прихожей.'],
  },
];

const TV_STAND_KINDS: readonly Kind[] = [
  {
    title: 'Тумба под ТВ',
    phrase: 'тумба под ТВ',
    gender: 'f',
    level: [0.1, 0.6],
    features: ['Для телевизора до 65 дюймов.', 'Открытая ниша для приставки и роутера.'],
  },
  {
    title: 'Тумба под телевизор подвесная',
    phrase: 'подвесная тумба под телевизор',
    gender: 'f',
    level: [0.2, 0.8],
    size: { heights: [30, 40] },
    features: ['Крепится к стене, пол остаётся свободным.', 'Отверстия для проводов в задней стенке.'],
    styles: ['modern', 'minimalism', 'scandinavian', 'loft'],
  },
  {
    title: 'Тумба под телевизор',
    phrase: 'тумба под телевизор',
    gender: 'f',
    level: [0.05, 0.5],
    features: ['Два ящика и полка для техники.', 'Ящики на доводчиках.'],
  },
  {
    title: 'ТВ-тумба широкая',
    phrase: 'широкая ТВ-тумба',
    gender: 'f',
    level: [0.4, 1],
    size: { widths: [200, 240] },
    features: ['Вместит и телевизор, и колонки.', 'Три секции: ящики, ниша и дверцы.'],
  },
];

const MATTRESS_KINDS: readonly (Kind & { filling: readonly string[] })[] = [
  {
    title: 'Матрас ортопедический',
    phrase: 'ортопедический матрас',
    gender: 'm',
    level: [0.3, 0.8],
    features: ['Средняя жёсткость, поддерживает позвоночник.', 'Зональная поддержка спины.'],
    filling: ['независимые пружины, кокосовая койра', 'независимые пружины, латекс'],
  },
  {
    title: 'Матрас беспружинный',
    phrase: 'беспружинный матрас',
    gender: 'm',
    level: [0.15, 0.7],
    features: ['Не скрипит и не продавливается.', 'Подходит для раскладного дивана.'],
    filling: ['латекс, кокосовая койра', 'пена с памятью, ППУ'],
  },
  {
    title: 'Матрас пружинный',
    phrase: 'пружинный матрас',
    gender: 'm',
    level: [0, 0.35],
    features: ['Зависимый пружинный блок «Боннель».', 'Недорогой и прочный.'],
    filling: ['пружинный блок «Боннель», ППУ', 'пружинный блок «Боннель», войлок'],
  },
  {
    title: 'Матрас анатомический',
    phrase: 'анатомический матрас',
    gender: 'm',
    level: [0.5, 1],
    features: ['Пена с памятью повторяет изгибы тела.', 'Мягкий верх и жёсткая основа.'],
    filling: ['пена с памятью, независимые пружины', 'пена с памятью, латекс'],
  },
];

function fabricPiece(
  kinds: readonly Kind[],
  widths: readonly [number, number],
  depths: readonly [number, number],
  heights: readonly [number, number],
) {
  return (draw: Draw): Design => {
    const kind = kindFor(kinds, draw.style);
    const fabric = materialFor(FABRICS, draw.style);
    return {
      name: `${kind.title} «${draw.collection}» ${fabric.name}`,
      description: sentence(`${lead(draw, kind)} с обивкой из ${fabric.genitive}.`, pick(kind.features)),
      material: fabric.name,
      dimensions: whd(
        roundTo(between(...(kind.size?.widths ?? widths)), 5),
        roundTo(between(...(kind.size?.depths ?? depths)), 5),
        roundTo(between(...(kind.size?.heights ?? heights)), 5),
      ),
      level: levelOf(kind, fabric),
    };
  };
}

function casePiece(
  kinds: readonly Kind[],
  widths: readonly [number, number],
  depths: readonly [number, number],
  heights: readonly [number, number],
) {
  return (draw: Draw): Design => {
    const kind = kindFor(kinds, draw.style);
    const board = materialFor(BOARDS, draw.style);
    const width = roundTo(between(...(kind.size?.widths ?? widths)), 10);
    const frame = draw.style === 'loft' ? ' на металлическом каркасе' : '';
    return {
      name: `${kind.title} «${draw.collection}» ${width} см`,
      description: sentence(`${lead(draw, kind)} из ${board.genitive}${frame}.`, pick(kind.features)),
      material: draw.style === 'loft' ? `${board.name}, металл` : board.name,
      dimensions: whd(
        width,
        roundTo(between(...(kind.size?.depths ?? depths)), 5),
        roundTo(between(...(kind.size?.heights ?? heights)), 5),
      ),
      level: levelOf(kind, board),
    };
  };
}

function chairDesign(draw: Draw): Design {
  const kind = kindFor(CHAIR_KINDS, draw.style);
  const frame = materialFor(CHAIR_FRAMES, draw.style);
  const seat = kind.title === 'Табурет' || kind.title === 'Стул складной' ? undefined : materialFor(FABRICS, draw.style);
  const height = kind.title === 'Стул барный' ? integer(100, 112) : kind.title === 'Табурет' ? integer(45, 48) : integer(80, 98);
  return {
    name: `${kind.title} «${draw.collection}» ${seat ? seat.name : frame.name}`,
    description: sentence(
      seat ? `${lead(draw, kind)}: каркас из ${frame.genitive}, сиденье из ${seat.genitive}.` : `${lead(draw, kind)} из ${frame.genitive}.`,
      pick(kind.features),
    ),
    material: seat ? `${frame.name}, ${seat.name}` : frame.name,
    dimensions: whd(integer(40, 58), integer(42, 58), height),
    level: levelOf(kind, seat ? { ...frame, cost: frame.cost * seat.cost } : frame),
  };
}

function diningTableDesign(draw: Draw): Design {
  const kind = kindFor(DINING_TABLE_KINDS, draw.style);
  const top = materialFor(TABLE_TOPS, draw.style);
  const round = kind.title.endsWith('круглый');
  const length = round ? pick([90, 100, 110, 120]) : pick([120, 140, 160, 180, 200]);
  const legs = draw.style === 'loft' ? ' на металлическом подстолье' : '';
  return {
    name: `${kind.title} «${draw.collection}» ${length} см`,
    description: sentence(`${lead(draw, kind)}, столешница из ${top.genitive}${legs}.`, pick(kind.features)),
    material: draw.style === 'loft' ? `${top.name}, металл` : top.name,
    dimensions: round ? `Ø ${length} × В 75 см` : whd(length, pick([80, 85, 90, 100]), 75),
    level: Math.min(1, levelOf(kind, top) * (0.75 + (length - 90) / 440)),
  };
}

function coffeeTableDesign(draw: Draw): Design {
  const kind = kindFor(COFFEE_TABLE_KINDS, draw.style);
  const top = materialFor(TABLE_TOPS, draw.style);
  const round = kind.title.includes('круглый');
  const width = roundTo(round ? between(50, 90) : between(60, 130), 5);
  const height = integer(38, 55);
  return {
    name: `${kind.title} «${draw.collection}»`,
    description: sentence(`${lead(draw, kind)} из ${top.genitive}.`, pick(kind.features)),
    material: draw.style === 'loft' ? `${top.name}, металл` : top.name,
    dimensions: round ? `Ø ${width} × В ${height} см` : whd(width, roundTo(between(40, 70), 5), height),
    level: levelOf(kind, top),
  };
}

function mattressDesign(draw: Draw): Design {
  const kind = pick(MATTRESS_KINDS);
  const [width, length] = pick([
    [80, 190],
    [90, 200],
    [120, 200],
    [140, 200],
    [160, 200],
    [180, 200],
    [200, 200],
  ] as const);
  const height = integer(16, 30);
  const filling = pick(kind.filling);
  const sizeLevel = (width - 80) / 120;
  return {
    name: `${kind.title} «${draw.collection}» ${width}×${length}`,
    description: sentence(
      `${capitalize(kind.phrase)} высотой ${height} см: ${filling}.`,
      `Съёмный чехол ${COLOR_WORDS[draw.color].genitive} цвета.`,
    ),
    material: filling,
    dimensions: `${width}×${length} см, высота ${height} см`,
    level: Math.min(1, between(kind.level[0], kind.level[1]) * 0.6 + sizeLevel * 0.4),
  };
}

function bedDesign(draw: Draw): Design {
  const kind = kindFor(BED_KINDS, draw.style);
  const upholstered = kind.title === 'Кровать мягкая' || (draw.style !== 'loft' && chance(0.45));
  const material = upholstered ? materialFor(FABRICS, draw.style) : materialFor([...BOARDS, CHAIR_FRAMES[0]!], draw.style);
  const [width, length] =
    kind.title === 'Кровать односпальная'
      ? pick([
          [90, 200],
          [80, 190],
        ] as const)
      : kind.title === 'Кровать полутороспальная'
        ? pick([
            [120, 200],
            [140, 200],
          ] as const)
        : pick([
            [160, 200],
            [180, 200],
            [200, 200],
          ] as const);
  const made = upholstered ? `с обивкой из ${material.genitive}` : `из ${material.genitive}`;
  return {
    name: `${kind.title} «${draw.collection}» ${width}×${length}`,
    description: sentence(`${lead(draw, kind)} ${made}.`, pick(kind.features)),
    material: material.name,
    dimensions: `Спальное место ${width}×${length} см`,
    level: levelOf(kind, material),
  };
}

const PLANS: readonly CategoryPlan[] = [
  {
    category: 'sofa',
    prefix: 'SOF',
    count: 70,
    price: [120_000, 900_000],
    colors: COLORS,
    styles: STYLES,
    design: fabricPiece(SOFA_KINDS, [160, 320], [90, 190], [80, 100]),
  },
  {
    category: 'armchair',
    prefix: 'ARM',
    count: 45,
    price: [45_000, 350_000],
    colors: COLORS,
    styles: STYLES,
    design: fabricPiece(ARMCHAIR_KINDS, [70, 100], [75, 100], [85, 110]),
  },
  { category: 'chair', prefix: 'CHR', count: 55, price: [15_000, 90_000], colors: COLORS, styles: STYLES, design: chairDesign },
  {
    category: 'dining_table',
    prefix: 'DTB',
    count: 40,
    price: [60_000, 600_000],
    colors: COLORS,
    styles: STYLES,
    design: diningTableDesign,
  },
  {
    category: 'coffee_table',
    prefix: 'CTB',
    count: 40,
    price: [20_000, 250_000],
    colors: COLORS,
    styles: STYLES,
    design: coffeeTableDesign,
  },
  {
    category: 'desk',
    prefix: 'DSK',
    count: 35,
    price: [35_000, 400_000],
    colors: COLORS,
    styles: STYLES,
    design: casePiece(DESK_KINDS, [90, 180], [50, 80], [74, 78]),
  },
  {
    category: 'bed',
    prefix: 'BED',
    count: 45,
    price: [90_000, 800_000],
    colors: COLORS,
    styles: STYLES,
    design: bedDesign,
  },
  {
    category: 'mattress',
    prefix: 'MAT',
    count: 40,
    price: [60_000, 400_000],
    // A mattress is bought for what is inside; covers come in quiet colours and styles barely apply.
    colors: ['white', 'beige', 'grey', 'blue'],
    styles: ['modern', 'classic', 'minimalism', 'scandinavian'],
    design: mattressDesign,
  },
  {
    category: 'wardrobe',
    prefix: 'WRD',
    count: 40,
    price: [80_000, 700_000],
    colors: COLORS,
    styles: STYLES,
    design: casePiece(WARDROBE_KINDS, [100, 270], [45, 65], [200, 240]),
  },
  {
    category: 'dresser',
    prefix: 'DRS',
    count: 35,
    price: [40_000, 350_000],
    colors: COLORS,
    styles: STYLES,
    design: casePiece(DRESSER_KINDS, [60, 160], [30, 50], [80, 110]),
  },
  {
    category: 'shelf',
    prefix: 'SHL',
    count: 35,
    price: [12_000, 200_000],
    colors: COLORS,
    styles: STYLES,
    design: casePiece(SHELF_KINDS, [40, 160], [20, 40], [80, 200]),
  },
  {
    category: 'tv_stand',
    prefix: 'TVS',
    count: 30,
    price: [25_000, 300_000],
    colors: COLORS,
    styles: STYLES,
    design: casePiece(TV_STAND_KINDS, [120, 240], [35, 50], [40, 60]),
  },
];

// ---------------------------------------------------------------- prices, tags, stock

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** Shop-style prices: 189 990 or 245 000. */
function shopPrice(value: number): number {
  const thousands = Math.max(1, Math.round(value / 1000));
  return chance(0.7) ? thousands * 1000 - 10 : thousands * 1000;
}

/** A crossed-out price 10–40% above the current one, rounded the same way. */
function oldPriceFor(price: number): number {
  for (;;) {
    const candidate = shopPrice(price * between(1.12, 1.38));
    const markup = candidate / price;
    if (markup >= 1.1 && markup <= 1.4) return candidate;
  }
}

function isoDate(from: string, to: string): string {
  const start = Date.parse(from);
  const day = 86_400_000;
  const days = Math.floor((Date.parse(to) - start) / day);
  return new Date(start + integer(0, days) * day).toISOString().slice(0, 10);
}

function stockLevel(): number {
  if (chance(0.08)) return 0;
  return chance(0.6) ? integer(1, 12) : integer(13, 40);
}

// ---------------------------------------------------------------- assembly

function drawFor(plan: CategoryPlan, index: number): Draw {
  // The first items walk through every colour and style so that each appears at least once.
  const color = index < plan.colors.length ? plan.colors[index]! : pickColor(plan.colors);
  const style = index < plan.styles.length ? plan.styles[index]! : pick(plan.styles);
  const collection = plan.category === 'mattress' ? pick(MATTRESS_LINES) : pick(COLLECTIONS[style]);
  return { color, style, collection };
}

function pickColor(colors: readonly Color[]): Color {
  return weighted(Object.fromEntries(colors.map((color) => [color, COLOR_DEMAND[color]])) as Partial<Record<Color, number>>);
}

function makeProduct(plan: CategoryPlan, index: number): Product {
  const draw = drawFor(plan, index);
  const design = plan.design(draw);
  if (design.description.length > MAX_DESCRIPTION) {
    throw new Error(`Description too long (${design.description.length}): ${design.description}`);
  }
  const [min, max] = plan.price;
  const level = Math.min(1, Math.max(0, design.level + between(-0.05, 0.05)));
  // Geometric, as shops price: many models near the entry price, few at the top.
  const price = Math.min(Math.max(shopPrice(min * (max / min) ** level), min), max);
  const isNew = chance(0.1);
  const onSale = !isNew && chance(0.22);
  const tags = [...(onSale ? ['sale'] : []), ...(isNew ? ['new'] : []), ...(chance(0.12) ? ['hit'] : [])];
  const id = `${plan.prefix}-${String(index + 1).padStart(3, '0')}`;
  return productSchema.parse({
    id,
    name: design.name,
    category: plan.category,
    color: draw.color,
    style: draw.style,
    price,
    ...(onSale ? { oldPrice: oldPriceFor(price) } : {}),
    tags,
    stock: stockLevel(),
    image: `images/${id}.png`,
    description: design.description,
    material: design.material,
    dimensions: design.dimensions,
    addedAt: isNew ? isoDate('2026-09-01', '2026-11-20') : isoDate('2025-01-10', '2026-08-31'),
  });
}

export function generateCatalog(): Product[] {
  random = seededRandom(SEED);
  return PLANS.flatMap((plan) => Array.from({ length: plan.count }, (_, index) => makeProduct(plan, index)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const products = generateCatalog();
  writeFileSync(OUTPUT, `${JSON.stringify(products, null, 2)}\n`);
  console.log(`Wrote ${products.length} products to ${OUTPUT}`);
}
