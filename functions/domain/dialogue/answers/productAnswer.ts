import type { AssistantReply } from '../../assistant/assistantReply';
import type { Product } from '../../catalog/product';
import { featureApplies, featuresOf } from '../../catalog/productFeatures';
import { sizeOf } from '../../catalog/productSize';
import { formatTenge } from '../../catalog/tenge';
import { dimensionsText } from '../../replies/dimensionsText';
import { materialIn } from '../../replies/materialNames';
import { discountPercent, productCard, productsMessage, shortTitle } from '../../replies/productMessages';
import { botText } from '../../texts/botTexts';
import type { Plan } from '../plan';
import { sizeWishFor } from '../searchFilters';
import { offlineReply, textAnswer, type PlanAnswerer, type PlanContext } from './planContext';

type Question = Extract<Plan, { kind: 'productQuestion' }>;
type TopicAnswer = (product: Product, question: Question, context: PlanContext) => Promise<AssistantReply>;

// A 16:9 screen is 0.8716 of its diagonal wide: a 65″ television is about 144 cm across.
const CM_PER_INCH_OF_DIAGONAL = 2.54 * (16 / Math.hypot(16, 9));
// «Для телевизора до 65 дюймов»: what the store says a stand holds.
const STATED_TV_LIMIT = /до\s*(\d+)\s*дюйм/u;
const SIMILAR_LIMIT = 10;

const name = (product: Product) => shortTitle(product);

/** Every question about a product has its answer from the product's own data. */
const TOPIC_ANSWERS: Record<Question['topic'], TopicAnswer> = {
  dimensions: async (product, _question, context) => {
    const { language } = context.turn;
    const dimensions = dimensionsText(product, language);
    const body = dimensions
      ? botText(language, 'product.dimensions', { name: name(product), dimensions })
      : botText(language, 'product.noDimensions', { name: name(product) });
    return textAnswer(context, body, 'product_dimensions');
  },
  material: async (product, _question, context) => {
    const { language } = context.turn;
    const body = product.material
      ? botText(language, 'product.material', { name: name(product), material: materialIn(product.material, language) })
      : botText(language, 'product.noMaterial', { name: name(product) });
    return textAnswer(context, body, 'product_material');
  },
  stock: async (product, _question, context) => {
    const key = product.stock > 0 ? 'product.inStock' : 'product.toOrder';
    return textAnswer(context, botText(context.turn.language, key, { name: name(product) }), 'product_stock');
  },
  price: async (product, _question, context) => {
    const { language } = context.turn;
    const discount = discountPercent(product);
    const sale =
      discount !== undefined && product.oldPrice !== undefined
        ? botText(language, 'product.oldPrice', { discount, oldPrice: formatTenge(product.oldPrice) })
        : '';
    return textAnswer(
      context,
      botText(language, 'product.price', { name: name(product), price: formatTenge(product.price) }) + sale,
      'product_price',
    );
  },
  color: async (product, _question, context) => {
    const { language } = context.turn;
    const color = botText(language, `color.${product.color}`);
    return textAnswer(context, botText(language, 'product.color', { name: name(product), color }), 'product_color');
  },
  details: async (product, _question, context) => card(product, undefined, context),
  features: async (product, question, context) => {
    const { language } = context.turn;
    // «Раскладывается» means a sleeper for a sofa, an extension for a table: what fits this product's section is asked.
    const wanted = question.features.filter((feature) => featureApplies(feature, product.category));
    const has = featuresOf(product);
    if (wanted.length > 0 && wanted.every((feature) => has.has(feature)))
      return card(product, botText(language, 'product.featureYes'), context);
    // Not this one: the same kind of thing that has it.
    const similar =
      wanted.length === 0
        ? []
        : (
            await context.deps.tools.searchProducts({
              category: product.category,
              features: wanted,
              excludeIds: [product.id],
            })
          ).products;
    const exact = similar.filter((candidate) => wanted.every((feature) => featuresOf(candidate).has(feature))).slice(0, SIMILAR_LIMIT);
    if (exact.length === 0)
      return textAnswer(context, botText(language, 'product.featureNoneLike', { name: name(product) }), 'product_feature');
    return list(exact, botText(language, 'product.featureNo', { name: name(product) }), 'product_feature', context);
  },
  fits: async (product, question, context) => {
    const { language } = context.turn;
    const width = sizeOf(product).width;
    if (question.tvInches !== undefined && width !== undefined) return tvFits(product, width, question.tvInches, context);
    const space = question.space ? sizeWishFor(question.space, undefined) : undefined;
    const dimensions = dimensionsText(product, language);
    if (space?.kind === 'measure' && width !== undefined && dimensions) {
      const room = space.max ?? space.min ?? width;
      const key = width <= room ? 'product.fitsYes' : 'product.fitsNo';
      return textAnswer(context, botText(language, key, { name: name(product), dimensions }), 'product_fits');
    }
    return TOPIC_ANSWERS.dimensions(product, question, context);
  },
};

async function tvFits(product: Product, width: number, inches: number, context: PlanContext): Promise<AssistantReply> {
  const { language } = context.turn;
  const tvWidth = Math.round(inches * CM_PER_INCH_OF_DIAGONAL);
  const stated = STATED_TV_LIMIT.exec(product.description)?.[1];
  const fits = stated !== undefined ? inches <= Number(stated) : width >= tvWidth;
  const vars = { inches, tvWidth, name: name(product), width };
  if (fits) return textAnswer(context, botText(language, 'product.tvFits', vars), 'product_fits');
  const wider = await context.deps.tools.searchProducts({
    category: product.category,
    size: { kind: 'measure', measure: 'width', min: tvWidth },
    sort: 'size_asc',
    excludeIds: [product.id],
  });
  const options = wider.relaxed.length === 0 ? wider.products : [];
  if (options.length === 0) {
    const dimensions = dimensionsText(product, language) ?? `${width}`;
    return textAnswer(context, botText(language, 'product.fitsNo', { name: name(product), dimensions }), 'product_fits');
  }
  return list(options, botText(language, 'product.tvTooWide', vars), 'product_fits', context);
}

function card(product: Product, intro: string | undefined, context: PlanContext): Promise<AssistantReply> {
  const message = productCard(product, context.turn.language, context.deps.imageUrlOf, intro ? { intro } : {});
  return Promise.resolve(
    offlineReply(context, {
      messages: [message],
      summary: `${intro ? `${intro} ` : ''}${product.name}, ${formatTenge(product.price)}. ${product.description}`,
      intent: 'product_details',
      productIds: [product.id],
      dialogue: { ...context.state, focus: product.id },
    }),
  );
}

function list(products: readonly Product[], intro: string, intent: string, context: PlanContext): Promise<AssistantReply> {
  const { language } = context.turn;
  return Promise.resolve(
    offlineReply(context, {
      messages: [productsMessage(products, intro, language, context.deps.imageUrlOf)],
      summary: `${intro} ${products.map((product) => product.name).join('; ')}`,
      intent,
      productIds: products.map((product) => product.id),
      dialogue: { ...context.state, shown: products.map((product) => product.id).slice(0, SIMILAR_LIMIT) },
    }),
  );
}

/** A question about the product in focus (or pointed at), answered from its data; it stays in focus. */
export const productAnswer: PlanAnswerer<'productQuestion'> = async (plan, context) => {
  const product = await context.deps.tools.getProduct(plan.productId);
  if (product === undefined) return textAnswer(context, botText(context.turn.language, 'product.missing'), 'product_missing');
  const focused = { ...context, state: { ...context.state, focus: product.id } };
  return TOPIC_ANSWERS[plan.topic](product, plan, focused);
};
