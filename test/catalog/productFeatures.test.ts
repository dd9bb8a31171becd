import { describe, expect, it } from 'vitest';
import { embeddedCatalog } from '../../local/embeddedCatalog';
import { CatalogRecommender } from '../../functions/domain/recommendations/catalogRecommender';
import { featuresOf } from '../../functions/domain/catalog/productFeatures';
import { footprintOf, sizeOf } from '../../functions/domain/catalog/productSize';
import { NO_PREFERENCES } from '../../functions/domain/preferences/preferences';

const catalog = embeddedCatalog();
const products = catalog.all();
const byId = (id: string) => products.find((product) => product.id === id)!;

describe('product features and sizes from the product data', () => {
  it('reads the store’s measurements: labelled, sleeping places, diameters', () => {
    expect(sizeOf(byId('SOF-001'))).toMatchObject({ width: 245, depth: 170, height: 100 });
    expect(sizeOf(byId('SOF-002')).sleep).toEqual({ width: 140, length: 200 });
    expect(sizeOf(byId('BED-002')).sleep).toEqual({ width: 180, length: 200 });
    expect(sizeOf(byId('MAT-001'))).toMatchObject({ sleep: { width: 80, length: 190 }, height: 29 });
    expect(sizeOf(byId('DTB-005'))).toMatchObject({ diameter: 100, width: 100 });
  });

  it('finds features in names, descriptions, materials and tags, only in the sections they mean something in', () => {
    expect(featuresOf(byId('SOF-001'))).toEqual(new Set(['corner', 'sleeper', 'drawers', 'boucle']));
    expect(featuresOf(byId('WRD-001')).has('mirror')).toBe(true);
    expect(featuresOf(byId('BED-002')).has('double')).toBe(true);
    expect(featuresOf(byId('BED-004')).has('single')).toBe(true);
    expect(featuresOf(byId('MAT-003'))).toEqual(new Set(['one_and_half', 'springless', 'latex', 'coconut']));
    // «Мягкая спинка» of a chair makes it upholstered; every sofa is soft, so «мягкий диван» narrows nothing.
    expect(featuresOf(byId('SOF-005')).has('upholstered')).toBe(false);
  });
});

describe('catalog search by features, size and order', () => {
  it('filters by every feature asked, as hard filters', async () => {
    const hits = await catalog.search({ category: 'sofa', features: ['corner', 'drawers'], limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    for (const { product } of hits) expect([...featuresOf(product)]).toEqual(expect.arrayContaining(['corner', 'drawers']));
  });

  it('filters by a sleeping place and a width', async () => {
    for (const { product } of await catalog.search({ category: 'mattress', size: { kind: 'sleep', width: 160, length: 200 }, limit: 50 })) {
      expect(sizeOf(product).sleep).toEqual({ width: 160, length: 200 });
    }
    for (const { product } of await catalog.search({
      category: 'wardrobe',
      size: { kind: 'measure', measure: 'width', min: 180, max: 220 },
      limit: 50,
    })) {
      expect(sizeOf(product).width).toBeGreaterThanOrEqual(180);
      expect(sizeOf(product).width).toBeLessThanOrEqual(220);
    }
  });

  it('orders by price either way and by size, among products in stock', async () => {
    const inStock = products.filter((product) => product.category === 'sofa' && product.stock > 0);
    const cheapest = await catalog.search({ category: 'sofa', sort: 'price_asc', limit: 3 });
    expect(cheapest[0]?.product.price).toBe(Math.min(...inStock.map((product) => product.price)));
    const dearest = await catalog.search({ category: 'sofa', sort: 'price_desc', limit: 3 });
    expect(dearest[0]?.product.price).toBe(Math.max(...inStock.map((product) => product.price)));
    const biggest = (await catalog.search({ category: 'bed', sort: 'size_desc', limit: 5 })).map(({ product }) => footprintOf(product));
    expect(biggest).toEqual([...biggest].sort((a, b) => b - a));
  });
});

describe('complements that fit', () => {
  it('suggests for a bed only a mattress of its sleeping place', async () => {
    const recommender = new CatalogRecommender(catalog, { recordCoViews: async () => undefined, alsoViewed: async () => [] });
    for (const bed of products.filter((product) => product.category === 'bed')) {
      const [mattress] = await recommender.complementsFor(bed, NO_PREFERENCES, 1);
      if (mattress?.category === 'mattress') expect(sizeOf(mattress).sleep, bed.id).toEqual(sizeOf(bed).sleep);
    }
  });
});
