import { describe, expect, it } from 'vitest';
import catalog from '../../data/catalog.json' with { type: 'json' };
import { CATEGORIES, COLORS, STYLES, productSchema } from '../../functions/domain/catalog/product';
import type { Category, Color, Product } from '../../functions/domain/catalog/product';
import { generateCatalog } from '../../scripts/generateCatalog';

const products: Product[] = catalog.map((raw) => productSchema.parse(raw));

const ID_PREFIXES: Record<Category, string> = {
  sofa: 'SOF',
  armchair: 'ARM',
  chair: 'CHR',
  dining_table: 'DTB',
  coffee_table: 'CTB',
  desk: 'DSK',
  bed: 'BED',
  mattress: 'MAT',
  wardrobe: 'WRD',
  dresser: 'DRS',
  shelf: 'SHL',
  tv_stand: 'TVS',
};

const PRICE_RANGES: Record<Category, [number, number]> = {
  sofa: [120_000, 900_000],
  armchair: [45_000, 350_000],
  chair: [15_000, 90_000],
  dining_table: [60_000, 600_000],
  coffee_table: [20_000, 250_000],
  desk: [35_000, 400_000],
  bed: [90_000, 800_000],
  mattress: [60_000, 400_000],
  wardrobe: [80_000, 700_000],
  dresser: [40_000, 350_000],
  shelf: [12_000, 200_000],
  tv_stand: [25_000, 300_000],
};

// The start of each colour word in any gender or case, after ё is read as е.
const COLOR_ROOTS: Record<Color, string> = {
  red: 'красн',
  blue: 'син',
  white: 'бел',
  black: 'черн',
  grey: 'сер',
  brown: 'коричнев',
  green: 'зелен',
  beige: 'бежев',
  yellow: 'желт',
};

function share(predicate: (product: Product) => boolean): number {
  return products.filter(predicate).length / products.length;
}

describe('generated catalog (data/catalog.json)', () => {
  it('is what the seeded generator produces, so the committed file is current and reproducible', () => {
    expect(generateCatalog()).toEqual(catalog);
  });

  it('holds 450–600 products that all pass the product schema unchanged', () => {
    expect(products.length).toBeGreaterThanOrEqual(450);
    expect(products.length).toBeLessThanOrEqual(600);
    for (const raw of catalog) expect(productSchema.parse(raw)).toEqual(raw);
  });

  it('covers every category with a sensible number of products', () => {
    for (const category of CATEGORIES) {
      expect(products.filter((p) => p.category === category).length, category).toBeGreaterThanOrEqual(25);
    }
  });

  it('has every colour and style in each category, mattresses in their quiet subset', () => {
    for (const category of CATEGORIES) {
      const inCategory = products.filter((p) => p.category === category);
      const colors = new Set(inCategory.map((p) => p.color));
      const styles = new Set(inCategory.map((p) => p.style));
      if (category === 'mattress') {
        expect([...colors].sort()).toEqual(['beige', 'blue', 'grey', 'white']);
        expect(styles.size).toBe(4);
      } else {
        expect(colors.size, category).toBe(COLORS.length);
        expect(styles.size, category).toBe(STYLES.length);
      }
    }
  });

  it('gives unique ids with the category prefix and an image path named after the id', () => {
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    for (const product of products) {
      expect(product.id).toMatch(new RegExp(`^${ID_PREFIXES[product.category]}-\\d{3}$`));
      expect(product.image).toBe(`images/${product.id}.png`);
    }
  });

  it('prices in whole tenge within the category range, rounded the way shops round', () => {
    for (const product of products) {
      const [min, max] = PRICE_RANGES[product.category];
      expect(product.price, product.id).toBeGreaterThanOrEqual(min);
      expect(product.price, product.id).toBeLessThanOrEqual(max);
      expect(product.price % 1000 === 0 || product.price % 1000 === 990, `${product.id} ${product.price}`).toBe(true);
    }
  });

  it('marks about a fifth as on sale, each with an old price 10–40% higher and the sale tag', () => {
    const onSale = products.filter((p) => p.oldPrice !== undefined);
    expect(onSale.length / products.length).toBeGreaterThan(0.15);
    expect(onSale.length / products.length).toBeLessThan(0.25);
    for (const product of products) {
      expect(product.tags.includes('sale'), product.id).toBe(product.oldPrice !== undefined);
    }
    for (const product of onSale) {
      const markup = product.oldPrice! / product.price;
      expect(markup, product.id).toBeGreaterThanOrEqual(1.1);
      expect(markup, product.id).toBeLessThanOrEqual(1.4);
    }
  });

  it('dates new arrivals in autumn 2026 and everything else earlier', () => {
    expect(share((p) => p.tags.includes('new'))).toBeGreaterThan(0.07);
    expect(share((p) => p.tags.includes('new'))).toBeLessThan(0.14);
    expect(share((p) => p.tags.includes('hit'))).toBeGreaterThan(0.05);
    for (const product of products) {
      if (product.tags.includes('new')) {
        expect(product.addedAt >= '2026-09-01' && product.addedAt <= '2026-11-30', product.id).toBe(true);
      } else {
        expect(product.addedAt >= '2025-01-01' && product.addedAt < '2026-09-01', product.id).toBe(true);
      }
    }
  });

  it('keeps stock between 0 and 40 with a few sold out', () => {
    for (const product of products) expect(product.stock).toBeLessThanOrEqual(40);
    expect(share((p) => p.stock === 0)).toBeGreaterThan(0.04);
    expect(share((p) => p.stock === 0)).toBeLessThan(0.12);
  });

  it('describes each product in one or two short Russian sentences that name its colour', () => {
    for (const product of products) {
      expect(product.description.length, product.id).toBeLessThanOrEqual(200);
      expect(product.description).toMatch(/^[А-ЯЁ][^.]*\.( [А-ЯЁ][^]*\.)?$/);
      expect(product.description.toLowerCase().replaceAll('ё', 'е'), product.id).toContain(COLOR_ROOTS[product.color]);
      expect(product.material, product.id).toBeTruthy();
      expect(product.dimensions, product.id).toMatch(/см/);
    }
  });

  it('names products the Russian shop way, with the model in «quotes»', () => {
    for (const product of products) expect(product.name, product.id).toMatch(/^[А-ЯЁ][^«]* «[^»]+»/);
    expect(products.map((p) => p.name)).toContainEqual(expect.stringMatching(/^Диван угловой «.+» /));
    expect(products.map((p) => p.name)).toContainEqual(expect.stringMatching(/^Матрас ортопедический «.+» \d+×200$/));
  });
});
