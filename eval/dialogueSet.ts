import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { CATALOG_SORTS } from '../functions/domain/catalog/catalogSort';
import { CATEGORIES, COLORS, STYLES } from '../functions/domain/catalog/product';
import { featureSchema } from '../functions/domain/catalog/productFeatures';
import { LANGUAGES } from '../functions/domain/language';

/** What a turn is an example of; the report is per kind. `opening` turns start a dialogue and are not follow-ups. */
export const TURN_KINDS = [
  'opening',
  'carry',
  'ordinal',
  'sorting',
  'product_question',
  'store_question',
  'thanks',
  'buy',
  'compound',
  'complement',
  'features',
  'handoff',
] as const;
export type TurnKind = (typeof TURN_KINDS)[number];

export const DIALOGUE_LANGUAGES = ['ru', 'kk', 'mixed', 'en'] as const;
export type DialogueLanguage = (typeof DIALOGUE_LANGUAGES)[number];

const centimetres = z.number().positive();
const tenge = z.number().int().positive();
/** A substring the reply must contain, or a list of alternatives (any one will do); case-insensitive. */
const phrase = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/**
 * Constraints on the products a turn shows, every one of them: what a
 * correct search within the conversation's filters must satisfy.
 */
export const productsExpectationSchema = z.strictObject({
  category: z.enum(CATEGORIES).optional(),
  /** Any of these sections (complements). */
  categories: z.array(z.enum(CATEGORIES)).min(1).optional(),
  /** At least one product of each of these sections is shown (a set). */
  includes: z.array(z.enum(CATEGORIES)).min(1).optional(),
  color: z.enum(COLORS).optional(),
  style: z.enum(STYLES).optional(),
  minPrice: tenge.optional(),
  maxPrice: tenge.optional(),
  features: z.array(featureSchema).min(1).optional(),
  /** A sleeping place («160x200») every product has. */
  sleep: z
    .string()
    .regex(/^\d+x\d+$/)
    .optional(),
  width: z.strictObject({ min: centimetres.optional(), max: centimetres.optional() }).optional(),
  /** Every product costs less (more) than the product in focus before the turn, or than every one of the last list. */
  cheaperThan: z.enum(['focus', 'list']).optional(),
  pricierThan: z.enum(['focus', 'list']).optional(),
  /** The list is in this order. */
  sorted: z.enum(CATALOG_SORTS).optional(),
  /** The first product is the catalog's cheapest (etc.) in stock among those meeting the other constraints. */
  first: z.enum(['cheapest', 'priciest', 'biggest', 'smallest']).optional(),
  /** None of the last list is shown again. */
  newOnly: z.boolean().optional(),
  /** At least this many products (default 1). */
  atLeast: z.number().int().nonnegative().optional(),
});
export type ProductsExpectation = z.infer<typeof productsExpectationSchema>;

/** Which product a turn is about: the nth of the last list (1-based), or the one in focus. */
const subjectSchema = z.union([z.strictObject({ ordinal: z.number().int().min(1).max(10) }), z.strictObject({ focus: z.literal(true) })]);

export const turnExpectationSchema = z.strictObject({
  products: productsExpectationSchema.optional(),
  /** One product is shown, as a card: this one. */
  card: subjectSchema.optional(),
  /** No products are shown. */
  noProducts: z.boolean().optional(),
  /** The reply contains every phrase (each phrase: any of its alternatives). */
  says: z.array(phrase).min(1).optional(),
  /** The reply contains none of these. */
  saysNot: z.array(z.string().min(1)).min(1).optional(),
  /** The reply states these facts of the subject product, from its data. */
  mentions: z
    .array(z.enum(['dimensions', 'material', 'price', 'stock', 'color']))
    .min(1)
    .optional(),
  /** Whose data `mentions` checks (default: the product in focus before the turn). */
  about: subjectSchema.optional(),
  /** The manager was (or was not) called in this turn. */
  handoff: z.boolean().optional(),
  /** The reply's language, when it is not the dialogue's. */
  language: z.enum(LANGUAGES).optional(),
});
export type TurnExpectation = z.infer<typeof turnExpectationSchema>;

const turnSchema = z
  .strictObject({
    say: z.string().min(1).optional(),
    /** A tap instead of words: a row of the last list (1-based), or a button of the last card. */
    tap: z
      .union([z.strictObject({ row: z.number().int().min(1).max(10) }), z.strictObject({ button: z.enum(['buy', 'watch', 'more']) })])
      .optional(),
    kind: z.enum(TURN_KINDS).default('opening'),
    expect: turnExpectationSchema.default({}),
  })
  .refine((turn) => (turn.say === undefined) !== (turn.tap === undefined), { message: 'a turn says something or taps something' });
export type DialogueTurn = z.infer<typeof turnSchema>;

export const dialogueSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  language: z.enum(DIALOGUE_LANGUAGES),
  /** A manager is configured (MANAGER_WA_ID): handoffs reach a person. Without one, the customer must get instructions. */
  manager: z.boolean().default(false),
  turns: z.array(turnSchema).min(1).max(20),
});
export type Dialogue = z.infer<typeof dialogueSchema>;

export const DEFAULT_SET = new URL('./dialogues/', import.meta.url);

/** Every dialogue of a YAML file, or of every YAML file in a folder; ids must be unique. */
export async function loadDialogues(path: string): Promise<Dialogue[]> {
  const files = (await stat(path)).isDirectory()
    ? (await readdir(path))
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => join(path, name))
    : [path];
  const dialogues: Dialogue[] = [];
  for (const file of files) {
    const parsed = z.array(dialogueSchema).safeParse(parse(await readFile(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
    dialogues.push(...parsed.data);
  }
  const ids = new Set<string>();
  for (const { id } of dialogues) {
    if (ids.has(id)) throw new Error(`dialogue id ${id} is used twice`);
    ids.add(id);
  }
  return dialogues;
}
