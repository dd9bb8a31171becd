import { describe, expect, it } from 'vitest';
import catalog from '../../data/catalog.json' with { type: 'json' };
import { CatalogIndex } from '../../functions/domain/catalog/catalogIndex';
import { productSchema } from '../../functions/domain/catalog/product';
import type { Product } from '../../functions/domain/catalog/product';

const products: Product[] = catalog.map((raw) => productSchema.parse(raw));
const index = new CatalogIndex(products);

function product(id: string, fields: Partial<Product> = {}): Product {
  return productSchema.parse({
    id,
    name: `Стул «${id}»`,
    category: 'chair',
    color: 'grey',
    style: 'modern',
    price: 20_000,
    tags: [],
    stock: 5,
    image: `images/${id}.png`,
    description: 'Серый стул.',
    addedAt: '2026-01-01',
    ...fields,
  });
}

const ids = (hits: { product: Product }[]) => hits.map((hit) => hit.product.id);

describe('CatalogIndex over the generated catalog', () => {
  it('ranks corner sofas first for «угловой диван» within sofas', () => {
    const hits = index.search({ text: 'угловой диван', category: 'sofa', limit: 100 });
    const corner = products.filter((p) => p.category === 'sofa' && p.stock > 0 && p.name.startsWith('Диван угловой'));
    expect(corner.length).toBeGreaterThan(3);
    expect(hits.every((hit) => hit.product.category === 'sofa')).toBe(true);
    expect(new Set(ids(hits.slice(0, corner.length)))).toEqual(new Set(corner.map((p) => p.id)));
    expect(hits[corner.length]!.score).toBeLessThan(hits[corner.length - 1]!.score);
  });

  it('returns exactly the in-stock grey sofas up to 300 000 ₸ for those filters', () => {
    const hits = index.search({ category: 'sofa', color: 'grey', budgetMax: 300_000, limit: 1000 });
    const expected = products.filter((p) => p.category === 'sofa' && p.color === 'grey' && p.price <= 300_000 && p.stock > 0);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(ids(hits))).toEqual(new Set(expected.map((p) => p.id)));
  });

  it('lists results without text by sale first, then price ascending', () => {
    const hits = index.search({ category: 'chair', limit: 1000 });
    const sale = hits.filter((hit) => hit.product.tags.includes('sale'));
    expect(ids(hits.slice(0, sale.length))).toEqual(ids(sale));
    const rest = hits.slice(sale.length).map((hit) => hit.product.price);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
  });

  it('finds sofas by a plural or a diminutive', () => {
    const sofas = products.filter((p) => p.category === 'sofa' && p.stock > 0).map((p) => p.id);
    const found = new Set(ids(index.search({ text: 'диваны', limit: 1000 })));
    expect(sofas.filter((id) => !found.has(id))).toEqual([]);
    expect(index.search({ text: 'диваны' }).every((hit) => hit.product.category === 'sofa')).toBe(true);
    const small = index.search({ text: 'диванчик' });
    expect(small[0]!.product.name).toMatch(/^Диванчик/);
    expect(small.every((hit) => hit.product.category === 'sofa')).toBe(true);
  });

  it('matches «кожаный» to leather and faux leather, real leather first', () => {
    const hits = index.search({ text: 'кожаный', limit: 1000 });
    const leather = products.filter((p) => p.stock > 0 && p.material === 'натуральная кожа');
    const faux = products.filter((p) => p.stock > 0 && p.material === 'экокожа');
    const found = new Set(ids(hits));
    for (const p of [...leather, ...faux]) expect(found.has(p.id), p.id).toBe(true);
    for (const hit of hits) expect(`${hit.product.name} ${hit.product.material}`).toMatch(/кож/);
    const firstFaux = hits.findIndex((hit) => hit.product.material?.includes('экокожа'));
    const lastLeather = hits.findLastIndex((hit) => hit.product.material === 'натуральная кожа');
    expect(lastLeather).toBeLessThan(firstFaux);
  });

  it('reads ё and е alike', () => {
    expect(ids(index.search({ text: 'чёрный стул' }))).toEqual(ids(index.search({ text: 'черный стул' })));
    expect(index.search({ text: 'черный стул' })[0]!.product.color).toBe('black');
    expect(ids(index.search({ text: 'кровать с подъемным механизмом', limit: 3 }))).toEqual(
      ids(index.search({ text: 'кровать с подъёмным механизмом', limit: 3 })),
    );
  });

  it('finds «кровати» and «кровать» alike, in spite of the stemmer', () => {
    expect(ids(index.search({ text: 'кровати', category: 'bed' }))).toEqual(ids(index.search({ text: 'кровать', category: 'bed' })));
    expect(index.search({ text: 'кровати' })[0]!.product.name).toMatch(/кровать/i);
  });

  it('treats unknown text as a soft signal under filters, and as no match on its own', () => {
    expect(ids(index.search({ text: 'абракадабра', category: 'desk' }))).toEqual(ids(index.search({ category: 'desk' })));
    expect(index.search({ text: 'абракадабра' })).toEqual([]);
  });

  it('lets text rank within filters without removing what it does not match', () => {
    const hits = index.search({ text: 'угловой', category: 'wardrobe', limit: 1000 });
    expect(hits.length).toBe(products.filter((p) => p.category === 'wardrobe' && p.stock > 0).length);
    expect(hits[0]!.product.name).toMatch(/угловой/);
    expect(hits.at(-1)!.score).toBe(0);
  });

  it('leaves out excluded ids', () => {
    const first = index.search({ category: 'bed', limit: 3 });
    const next = index.search({ category: 'bed', limit: 3, excludeIds: ids(first) });
    expect(next).toHaveLength(3);
    expect(ids(next).some((id) => ids(first).includes(id))).toBe(false);
  });

  it('hides sold-out products unless asked not to', () => {
    const soldOut = products.filter((p) => p.stock === 0);
    expect(soldOut.length).toBeGreaterThan(0);
    const all = ids(index.search({ limit: 10_000 }));
    expect(all).toHaveLength(products.length - soldOut.length);
    expect(ids(index.search({ limit: 10_000, inStockOnly: false }))).toHaveLength(products.length);
  });

  it('returns only discounted products when onSale is set', () => {
    const hits = index.search({ onSale: true, limit: 1000 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.product.oldPrice).toBeGreaterThan(hit.product.price);
  });

  it('returns ten results unless told otherwise', () => {
    expect(index.search({})).toHaveLength(10);
    expect(index.search({ limit: 3 })).toHaveLength(3);
    expect(index.search({ limit: 0 })).toEqual([]);
  });

  it('returns nothing when the hard filters exclude everything', () => {
    expect(index.search({ category: 'sofa', budgetMax: 50_000 })).toEqual([]);
    expect(index.search({ budgetMin: 500_000, budgetMax: 400_000 })).toEqual([]);
  });

  it('looks products up by id and lists them all in the original order', () => {
    expect(index.get('SOF-001')?.id).toBe('SOF-001');
    expect(index.get('NOPE-1')).toBeUndefined();
    expect(ids(index.all().map((p) => ({ product: p })))).toEqual(ids(products.map((p) => ({ product: p }))));
    expect(index.size).toBe(products.length);
  });
});

describe('CatalogIndex ranking and filters', () => {
  it('weighs a word in the name above the same word in the description', () => {
    const index = new CatalogIndex([
      product('A', { name: 'Стул «Альфа»', description: 'Серый стул, подходит к барной стойке.' }),
      product('B', { name: 'Стул барный «Бета»', description: 'Серый стул.' }),
    ]);
    expect(ids(index.search({ text: 'барный' }))).toEqual(['B', 'A']);
  });

  it('breaks equal scores by sale, then stock, then price', () => {
    const index = new CatalogIndex([
      product('cheap-no-stock', { price: 10_000, stock: 0 }),
      product('cheap', { price: 12_000 }),
      product('dear', { price: 30_000 }),
      product('sale-dear', { price: 40_000, oldPrice: 50_000, tags: ['sale'] }),
    ]);
    expect(ids(index.search({ text: 'стул', inStockOnly: false }))).toEqual(['sale-dear', 'cheap', 'dear', 'cheap-no-stock']);
  });

  it('includes both budget bounds', () => {
    const index = new CatalogIndex([
      product('low', { price: 10_000 }),
      product('mid', { price: 20_000 }),
      product('high', { price: 30_000 }),
    ]);
    expect(ids(index.search({ budgetMin: 10_000, budgetMax: 20_000 }))).toEqual(['low', 'mid']);
    expect(ids(index.search({ budgetMin: 20_001 }))).toEqual(['high']);
  });

  it('lets a word most of the catalog shares rank the matches of a rarer word, not add to them', () => {
    const index = new CatalogIndex([
      product('grey-sofa', { name: 'Диван «Осло»', category: 'sofa', description: 'Серый диван.', price: 300_000 }),
      product('blue-sofa', { name: 'Диван «Нордик»', category: 'sofa', color: 'blue', description: 'Синий диван.', price: 100_000 }),
      product('green-sofa', { name: 'Диван «Берген»', category: 'sofa', color: 'green', description: 'Зелёный диван.' }),
      product('grey-chair', { name: 'Стул «Осло»', description: 'Серый стул.' }),
    ]);
    expect(ids(index.search({ text: 'серый диван' }))).toEqual(['grey-sofa', 'grey-chair']);
    expect(ids(index.search({ text: 'диван' }))).toEqual(['green-sofa', 'blue-sofa', 'grey-sofa']);
  });

  it('matches stems one letter apart, which Snowball gives forms of one word', () => {
    const index = new CatalogIndex([
      product('mirror', { name: 'Шкаф с зеркалом «Аура»', category: 'wardrobe' }),
      product('plain', { name: 'Шкаф «Кубо»', category: 'wardrobe' }),
    ]);
    expect(ids(index.search({ text: 'зеркало' }))).toEqual(['mirror']);
  });

  it('keeps the first product of a repeated id', () => {
    const index = new CatalogIndex([product('X', { price: 1000 }), product('X', { price: 2000 })]);
    expect(index.size).toBe(1);
    expect(index.get('X')?.price).toBe(1000);
  });

  it('gives matches to a looser form a lower score than exact ones', () => {
    const index = new CatalogIndex([
      product('small', { name: 'Диванчик «Мини»', category: 'sofa', description: 'Серый.' }),
      product('plain', { name: 'Диван «Макси»', category: 'sofa', description: 'Серый.', price: 90_000 }),
    ]);
    const hits = index.search({ text: 'диван' });
    expect(ids(hits)).toEqual(['plain', 'small']);
    expect(hits[1]!.score).toBeGreaterThan(0);
  });
});

describe('CatalogIndex.withPrices', () => {
  const base = new CatalogIndex([
    product('plain', { price: 20_000 }),
    product('sale', { price: 15_000, oldPrice: 25_000, tags: ['sale', 'hit'] }),
    product('other', { price: 30_000 }),
  ]);

  it('makes the previous price the old price when a price drops', () => {
    const cheaper = base.withPrices({ plain: 18_000 }).get('plain')!;
    expect(cheaper.price).toBe(18_000);
    expect(cheaper.oldPrice).toBe(20_000);
    expect(cheaper.tags).toContain('sale');
  });

  it('keeps an existing old price when a discounted price drops further or rises below it', () => {
    expect(base.withPrices({ sale: 12_000 }).get('sale')).toMatchObject({ price: 12_000, oldPrice: 25_000 });
    expect(base.withPrices({ sale: 20_000 }).get('sale')).toMatchObject({ price: 20_000, oldPrice: 25_000 });
  });

  it('ends a sale when the price reaches the old price', () => {
    const ended = base.withPrices({ sale: 25_000 }).get('sale')!;
    expect(ended.oldPrice).toBeUndefined();
    expect('oldPrice' in ended).toBe(false);
    expect(ended.tags).toEqual(['hit']);
  });

  it('ignores a stale old price that was not above the price', () => {
    const stale = new CatalogIndex([product('stale', { price: 20_000, oldPrice: 10_000 })]);
    expect(stale.withPrices({ stale: 15_000 }).get('stale')).toMatchObject({ price: 15_000, oldPrice: 20_000 });
  });

  it('raises a price without inventing a discount', () => {
    const dearer = base.withPrices({ plain: 22_000 }).get('plain')!;
    expect(dearer).toMatchObject({ price: 22_000, tags: [] });
    expect(dearer.oldPrice).toBeUndefined();
  });

  it('searches by the new prices and leaves the old index as it was', () => {
    const repriced = base.withPrices({ other: 5_000, unknown: 1 });
    expect(ids(repriced.search({ budgetMax: 10_000 }))).toEqual(['other']);
    expect(ids(repriced.search({ onSale: true }))).toEqual(['other', 'sale']);
    expect(base.get('other')!.price).toBe(30_000);
    expect(base.search({ budgetMax: 10_000 })).toEqual([]);
    expect(repriced.size).toBe(3);
  });

  it('refuses prices that are not positive whole tenge', () => {
    expect(() => base.withPrices({ plain: 0 })).toThrow(RangeError);
    expect(() => base.withPrices({ plain: 10.5 })).toThrow(RangeError);
  });
});
