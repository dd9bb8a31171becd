import * as z from 'zod';
import { CATALOG_SORTS } from '../catalog/catalogSort';
import { CATEGORIES, COLORS, STYLES, type Product } from '../catalog/product';
import { FEATURES } from '../catalog/productFeatures';
import type { PreferenceSignal } from '../preferences/preferences';
import type { PriceAlertService, SetAlertOutcome } from '../alerts/priceAlertService';
import type { Recommender } from '../recommendations/recommender';
import { discountPercent } from '../replies/productMessages';
import type { ProductFilters, RelaxableFilter, ShoppingTools } from './shoppingTools';
import { InvalidToolArgumentsError, UnknownToolError, type ToolDefinition, type ToolOutcome, type Toolbox } from './toolbox';
import type { TurnContext } from './turnContext';

// What a customer states outright counts more than what they only look at (see PreferenceSignal.weight).
const STATED_PREFERENCE_WEIGHT = 2;
const RECOMMENDATION_LIMIT = 10;
// Above any furniture price; bounds the number so the model cannot send absurd ones.
const MAX_TENGE = 100_000_000;

const tenge = z.number().int().nonnegative().max(MAX_TENGE);
const budgetInOrder = (args: { budget_min?: number | undefined; budget_max?: number | undefined }) =>
  args.budget_min === undefined || args.budget_max === undefined || args.budget_min <= args.budget_max;
const BUDGET_ORDER = { message: 'budget_min must not be greater than budget_max' };

// Strict objects: an argument the schema does not name (a customer id, a phone number) is an error, never ignored.
const searchArguments = z
  .strictObject({
    query: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Free words from the request that no other field covers, in the customer\'s words: "угловой", "велюр", "с ящиком".'),
    category: z.enum(CATEGORIES).optional(),
    color: z.enum(COLORS).optional(),
    style: z.enum(STYLES).optional(),
    budget_min: tenge.optional().describe('Lowest price in whole tenge.'),
    budget_max: tenge.optional().describe('Highest price in whole tenge: "до 300 тысяч" is 300000.'),
    features: z
      .array(z.enum(FEATURES))
      .max(6)
      .optional()
      .describe('What the piece must have or be made of: "угловой" corner, "раскладной" sleeper, "с ящиками" drawers, "велюр" velour…'),
    sort: z
      .enum(CATALOG_SORTS)
      .optional()
      .describe('"самый дешёвый" price_asc, "самый дорогой" price_desc, "самый большой" size_desc; omit for the best matches.'),
  })
  .refine(budgetInOrder, BUDGET_ORDER);

const recommendationArguments = z.strictObject({
  category: z.enum(CATEGORIES).optional().describe('Only this category; omit to recommend across the catalog.'),
});

const priceAlertArguments = z.strictObject({
  product_id: z.string().min(1).max(64).describe('The id of a product from a search or recommendation in this conversation.'),
  target_price: tenge
    .optional()
    .describe('Notify when the price is at or below this, in whole tenge ("когда подешевеет до 150 тысяч" is 150000); omit for any drop.'),
});

const productDetailsArguments = z.strictObject({
  product_id: z.string().min(1).max(64).describe('The id of a product shown in this conversation.'),
});

const escalationArguments = z.strictObject({
  reason: z.string().max(200).describe('In a few words, why a person is needed (shown to the manager).').optional(),
});

const preferenceArguments = z
  .strictObject({
    colors: z.array(z.enum(COLORS)).min(1).max(COLORS.length).optional(),
    styles: z.array(z.enum(STYLES)).min(1).max(STYLES.length).optional(),
    categories: z.array(z.enum(CATEGORIES)).min(1).max(CATEGORIES.length).optional(),
    budget_min: tenge.optional(),
    budget_max: tenge.optional(),
  })
  .refine(budgetInOrder, BUDGET_ORDER)
  .refine((args) => Object.values(args).some((value) => value !== undefined), { message: 'state at least one preference' });

interface ShoppingTool {
  definition: ToolDefinition;
  run(args: unknown, context: TurnContext): Promise<ToolOutcome>;
}

/** Ties a schema to its handler, so the handler gets arguments already checked and typed. */
function shoppingTool<S extends z.ZodType>(
  name: string,
  description: string,
  schema: S,
  handle: (args: z.output<S>, context: TurnContext) => Promise<ToolOutcome>,
): ShoppingTool {
  const { $schema: _dialect, ...parameters } = z.toJSONSchema(schema, { target: 'draft-07', io: 'input' });
  return {
    definition: { name, description, parameters },
    run: (args, context) => {
      const parsed = schema.safeParse(args);
      if (!parsed.success) throw new InvalidToolArgumentsError(describeIssues(parsed.error));
      return handle(parsed.data, context);
    },
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** A product as the model reads it: enough to talk about it, never the words the customer sees (the card shows those). */
function productForModel(product: Product) {
  const discount = discountPercent(product);
  return {
    id: product.id,
    name: product.name,
    price: product.price,
    ...(product.oldPrice !== undefined && discount !== undefined ? { old_price: product.oldPrice, discount_percent: discount } : {}),
    color: product.color,
    style: product.style,
    in_stock: product.stock > 0,
  };
}

function alertResultForModel(outcome: SetAlertOutcome, product: Product) {
  switch (outcome.kind) {
    case 'created':
    case 'updated':
      return { alert: outcome.kind, current_price: product.price, target_price: outcome.alert.targetPrice };
    case 'already_there':
      return { alert: 'not_needed', reason: 'the price is already at or below the target', current_price: product.price };
    case 'limit_reached':
      return { alert: 'refused', reason: `the customer already has the maximum of ${outcome.limit} alerts` };
  }
}

// The relaxed filters named as the model wrote them.
const ARGUMENT_OF_FILTER: Record<RelaxableFilter, string> = {
  text: 'query',
  color: 'color',
  style: 'style',
  budgetMax: 'budget_max',
  features: 'features',
  size: 'size',
};

/**
 * The tools the language model may call, over the same ShoppingTools the
 * offline assistant uses. No tool takes a customer id, a phone or a name: who
 * the customer is comes from the TurnContext only.
 */
export class ShoppingToolbox implements Toolbox {
  readonly definitions: readonly ToolDefinition[];
  private readonly tools: ReadonlyMap<string, ShoppingTool>;

  constructor(dependencies: { tools: ShoppingTools; recommender: Recommender; alerts: PriceAlertService }) {
    const { tools, recommender, alerts } = dependencies;
    const all = [
      shoppingTool(
        'search_products',
        'Search the ZETA catalog. Returns products in stock (the customer sees them as a list or a card under your reply) and `relaxed`: the filters that had to be dropped or widened to find anything.',
        searchArguments,
        async (args) => {
          const filters: ProductFilters = {
            ...(args.query !== undefined ? { text: args.query } : {}),
            ...(args.category !== undefined ? { category: args.category } : {}),
            ...(args.color !== undefined ? { color: args.color } : {}),
            ...(args.style !== undefined ? { style: args.style } : {}),
            ...(args.budget_min !== undefined ? { budgetMin: args.budget_min } : {}),
            ...(args.budget_max !== undefined ? { budgetMax: args.budget_max } : {}),
            ...(args.features !== undefined ? { features: args.features } : {}),
            ...(args.sort !== undefined ? { sort: args.sort } : {}),
          };
          const outcome = await tools.searchProducts(filters);
          return {
            result: {
              products: outcome.products.map(productForModel),
              relaxed: outcome.relaxed.map((filter) => ARGUMENT_OF_FILTER[filter]),
            },
            products: outcome.products,
            intent: 'search',
            search: filters,
          };
        },
      ),
      shoppingTool(
        'get_recommendations',
        'Products this customer is likely to want, from their saved preferences and what they viewed. Use when they ask what to choose, what you advise, or what is popular, without a concrete request to search for.',
        recommendationArguments,
        async (args, context) => {
          const products = await recommender.recommend({
            preferences: context.preferences,
            viewedProductIds: context.viewedProductIds,
            ...(args.category !== undefined ? { category: args.category } : {}),
            limit: RECOMMENDATION_LIMIT,
          });
          return { result: { products: products.map(productForModel) }, products, intent: 'recommend' };
        },
      ),
      shoppingTool(
        'track_preference',
        'Remember a taste the customer stated explicitly ("люблю серый", "у нас всё в стиле лофт", "бюджет до 200 тысяч"), to choose better next time. Call it together with a search when the request shows a lasting taste; not for a one-off filter.',
        preferenceArguments,
        async (args) => ({ result: { saved: true }, preferences: preferenceSignals(args) }),
      ),
      shoppingTool(
        'set_price_alert',
        "Watch a product's price for the customer and tell them on WhatsApp when it drops (to target_price if given). At most 20 alerts per customer; setting one again for the same product replaces it.",
        priceAlertArguments,
        async (args, context) => {
          const product = await tools.getProduct(args.product_id);
          if (product === undefined) throw new InvalidToolArgumentsError(`There is no product ${args.product_id}`);
          const outcome = await alerts.set(context.customer.waId, product, context.language, args.target_price);
          return { result: alertResultForModel(outcome, product), products: [product], intent: 'price_alert' };
        },
      ),
      shoppingTool(
        'get_product_details',
        "A product's own data: measurements, material, description, stock, price. Use it to answer what the customer asks about a product shown in this conversation (its size, what it is made of, whether it unfolds, whether a TV fits on it); the conversation context lists the products on screen by id.",
        productDetailsArguments,
        async (args) => {
          const product = await tools.getProduct(args.product_id);
          if (product === undefined) throw new InvalidToolArgumentsError(`There is no product ${args.product_id}`);
          return {
            result: {
              ...productForModel(product),
              description: product.description,
              ...(product.material ? { material: product.material } : {}),
              ...(product.dimensions ? { dimensions: product.dimensions } : {}),
              stock: product.stock,
            },
            intent: 'product_details',
          };
        },
      ),
      shoppingTool(
        'escalate_to_manager',
        'Hand the conversation to a person from the store: when the customer asks for a manager or a human, wants to order, pay or arrange delivery, complains, or when you cannot help after trying. The store then tells the customer who will answer and when; you do not need to.',
        escalationArguments,
        async () => ({ result: { handed_off: true }, intent: 'manager', handoff: true }),
      ),
    ];
    this.definitions = all.map((tool) => tool.definition);
    this.tools = new Map(all.map((tool) => [tool.definition.name, tool]));
  }

  async execute(name: string, args: unknown, context: TurnContext): Promise<ToolOutcome> {
    const tool = this.tools.get(name);
    if (tool === undefined) throw new UnknownToolError(`There is no tool named ${JSON.stringify(name)}`);
    return tool.run(args, context);
  }
}

/** One signal per stated color, style and category (a signal holds one of each), and one for the budget. */
function preferenceSignals(args: z.output<typeof preferenceArguments>): PreferenceSignal[] {
  const weight = STATED_PREFERENCE_WEIGHT;
  const signals: PreferenceSignal[] = [
    ...(args.colors ?? []).map((color) => ({ color, weight })),
    ...(args.styles ?? []).map((style) => ({ style, weight })),
    ...(args.categories ?? []).map((category) => ({ category, weight })),
  ];
  if (args.budget_min !== undefined || args.budget_max !== undefined) {
    signals.push({
      ...(args.budget_min !== undefined ? { budgetMin: args.budget_min } : {}),
      ...(args.budget_max !== undefined ? { budgetMax: args.budget_max } : {}),
      weight,
    });
  }
  return signals;
}
