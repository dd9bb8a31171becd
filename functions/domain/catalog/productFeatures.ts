import * as z from 'zod';
import { isOnSale, type Category, type Product } from './product';
import { sizeOf } from './productSize';

/**
 * What a customer may ask of a piece beyond its category, colour, style and
 * price: its shape, what it does, what it is made of. The words for each are
 * in understanding/featureWords.ts; what each means in the product data is
 * below. The README's vocabulary table lists both.
 */
export const FEATURES = [
  'corner',
  'sleeper',
  'extendable',
  'folding',
  'round',
  'oval',
  'drawers',
  'mirror',
  'sliding_doors',
  'hinged_doors',
  'lift',
  'double',
  'one_and_half',
  'single',
  'two_seater',
  'three_seater',
  'modular',
  'upholstered',
  'bar',
  'armrests',
  'rocking',
  'recliner',
  'height_adjustable',
  'wall_mounted',
  'narrow',
  'wide',
  'open',
  'orthopedic',
  'springless',
  'springs',
  'memory_foam',
  'latex',
  'coconut',
  'velour',
  'corduroy',
  'boucle',
  'matting',
  'chenille',
  'jacquard',
  'leather',
  'eco_leather',
  'genuine_leather',
  'solid_wood',
  'oak',
  'pine',
  'beech',
  'ash',
  'metal',
  'glass',
  'ceramic',
  'plastic',
  'on_sale',
  'new_arrival',
  'bestseller',
] as const;

export const featureSchema = z.enum(FEATURES);
export type Feature = z.infer<typeof featureSchema>;

interface FeatureTest {
  /** The sections where the feature means something; elsewhere asking for it does not narrow a search. */
  categories?: readonly Category[];
  /** Matched against the product's name, description and material, lowercased, ё as е. */
  text?: RegExp;
  test?: (product: Product) => boolean;
}

const UPHOLSTERED: readonly Category[] = ['sofa', 'armchair', 'chair', 'bed'];
const WOODEN: readonly Category[] = ['chair', 'dining_table', 'coffee_table', 'desk', 'bed', 'wardrobe', 'dresser', 'shelf', 'tv_stand'];
const MATTRESS_FILLINGS: readonly Category[] = ['mattress'];
// As the catalog names them: двуспальная from 160 cm wide, полутороспальная 120–140, односпальная up to 90.
const DOUBLE_FROM_CM = 160;
const ONE_AND_HALF_FROM_CM = 120;
const SINGLE_UP_TO_CM = 90;

const sleepWidth = (product: Product) => sizeOf(product).sleep?.width;

export const FEATURE_TESTS = {
  corner: { categories: ['sofa', 'wardrobe', 'desk'], text: /углов/ },
  sleeper: { categories: ['sofa', 'armchair'], text: /-кровать|раскладыва|спальное место|механизм «(?:дельфин|еврокнижка)»/ },
  extendable: { categories: ['dining_table', 'coffee_table'], text: /раздвижн|раскладыва|трансформер|поднимается до высоты/ },
  folding: { categories: ['chair'], text: /складн|складывается/ },
  round: { categories: ['dining_table', 'coffee_table'], text: /кругл/ },
  oval: { categories: ['dining_table', 'coffee_table'], text: /овальн/ },
  drawers: {
    categories: ['sofa', 'bed', 'coffee_table', 'desk', 'dresser', 'tv_stand'],
    text: /ящик|для белья|ниша для белья/,
  },
  mirror: { categories: ['wardrobe', 'dresser'], text: /зеркал/ },
  sliding_doors: { categories: ['wardrobe'], text: /купе|раздвижные двери/ },
  hinged_doors: { categories: ['wardrobe'], text: /распашн/ },
  lift: { categories: ['bed'], text: /подъемн|газлифт/ },
  double: { categories: ['bed', 'mattress'], test: (product) => (sleepWidth(product) ?? 0) >= DOUBLE_FROM_CM },
  one_and_half: {
    categories: ['bed', 'mattress'],
    test: (product) => {
      const width = sleepWidth(product) ?? 0;
      return width >= ONE_AND_HALF_FROM_CM && width < DOUBLE_FROM_CM;
    },
  },
  single: { categories: ['bed', 'mattress'], test: (product) => (sleepWidth(product) ?? Infinity) <= SINGLE_UP_TO_CM },
  two_seater: { categories: ['sofa'], text: /двухместн|небольшой студии|компактн/ },
  three_seater: { categories: ['sofa'], text: /трехместн|три посадочных/ },
  modular: { categories: ['sofa'], text: /модул/ },
  upholstered: { categories: ['armchair', 'chair', 'bed'], text: /мягк|обивк/ },
  bar: { categories: ['chair'], text: /барн/ },
  armrests: { categories: ['chair', 'armchair', 'sofa'], text: /подлокотник/ },
  rocking: { categories: ['armchair'], text: /качалк|качается/ },
  recliner: { categories: ['armchair'], text: /реклайнер|откидывается/ },
  height_adjustable: { categories: ['desk'], text: /регулировк\S* высот|сидя или стоя|электропривод/ },
  wall_mounted: { categories: ['tv_stand', 'shelf'], text: /подвесн|настенн|крепится к стене|к стене/ },
  narrow: { categories: ['dresser', 'shelf', 'tv_stand'], text: /узк/ },
  wide: { categories: ['dresser', 'tv_stand'], text: /широк/ },
  open: { categories: ['shelf'], text: /открыт/ },
  orthopedic: { categories: ['mattress', 'bed'], text: /ортопед/ },
  springless: { categories: MATTRESS_FILLINGS, text: /беспружин/ },
  springs: { categories: MATTRESS_FILLINGS, text: /(?<!бес)пружин/ },
  memory_foam: { categories: MATTRESS_FILLINGS, text: /памят/ },
  latex: { categories: MATTRESS_FILLINGS, text: /латекс/ },
  coconut: { categories: MATTRESS_FILLINGS, text: /кокос/ },
  velour: { categories: UPHOLSTERED, text: /велюр/ },
  corduroy: { categories: UPHOLSTERED, text: /вельвет/ },
  boucle: { categories: UPHOLSTERED, text: /букле/ },
  matting: { categories: UPHOLSTERED, text: /рогожк/ },
  chenille: { categories: UPHOLSTERED, text: /шенилл/ },
  jacquard: { categories: UPHOLSTERED, text: /жаккард/ },
  leather: { categories: UPHOLSTERED, text: /кож/ },
  eco_leather: { categories: UPHOLSTERED, text: /экокож/ },
  genuine_leather: { categories: UPHOLSTERED, text: /натуральн\S* кож/ },
  solid_wood: { categories: WOODEN, text: /массив|шпон/ },
  oak: { categories: WOODEN, text: /дуб/ },
  pine: { categories: WOODEN, text: /сосн/ },
  beech: { categories: WOODEN, text: /бука|буков/ },
  ash: { categories: WOODEN, text: /ясен/ },
  metal: { text: /металл/ },
  glass: { text: /стекл/ },
  ceramic: { text: /керамик/ },
  plastic: { text: /пластик/ },
  on_sale: { test: isOnSale },
  new_arrival: { test: (product) => product.tags.includes('new') },
  bestseller: { test: (product) => product.tags.includes('hit') },
} as const satisfies Record<Feature, FeatureTest>;

const cache = new WeakMap<Product, ReadonlySet<Feature>>();

function textOf(product: Product): string {
  return `${product.name} ${product.description} ${product.material ?? ''}`.toLowerCase().replaceAll('ё', 'е');
}

/** Every feature the product has, by its data. */
export function featuresOf(product: Product): ReadonlySet<Feature> {
  const known = cache.get(product);
  if (known) return known;
  const text = textOf(product);
  const found = new Set<Feature>();
  for (const feature of FEATURES) {
    const rule: FeatureTest = FEATURE_TESTS[feature];
    if (rule.categories && !rule.categories.includes(product.category)) continue;
    if (rule.text && !rule.text.test(text)) continue;
    if (rule.test && !rule.test(product)) continue;
    found.add(feature);
  }
  cache.set(product, found);
  return found;
}

/** Whether asking for the feature narrows a search in this section (a «мягкий диван» is every sofa). */
export function featureApplies(feature: Feature, category: Category | undefined): boolean {
  const categories: readonly Category[] | undefined = (FEATURE_TESTS[feature] as FeatureTest).categories;
  return category === undefined || categories === undefined || categories.includes(category);
}
