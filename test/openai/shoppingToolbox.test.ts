import { describe, expect, it } from 'vitest';
import { ShoppingToolbox } from '../../functions/domain/assistant/shoppingToolbox';
import { InvalidToolArgumentsError, UnknownToolError } from '../../functions/domain/assistant/toolbox';
import { PriceAlertService } from '../../functions/domain/alerts/priceAlertService';
import { InMemoryPriceAlerts } from '../support/inMemoryPriceAlerts';
import { RecordingRecommender, shoppingTools, turn } from './fixtures';

function toolbox(recommender = new RecordingRecommender(), alerts = new InMemoryPriceAlerts()) {
  return new ShoppingToolbox({ tools: shoppingTools, recommender, alerts: new PriceAlertService(alerts, Date.now) });
}

describe('ShoppingToolbox definitions', () => {
  it('offers search, recommendations, preferences, price alerts and a manager as closed JSON Schema objects', () => {
    const definitions = toolbox().definitions;
    expect(definitions.map((definition) => definition.name)).toEqual([
      'search_products',
      'get_recommendations',
      'track_preference',
      'set_price_alert',
      'get_product_details',
      'escalate_to_manager',
    ]);
    for (const { parameters } of definitions) {
      expect(parameters).toMatchObject({ type: 'object', additionalProperties: false });
      expect(parameters).not.toHaveProperty('$schema');
    }
  });

  it('names no customer id, phone or name among the arguments', () => {
    const names = toolbox().definitions.flatMap((definition) => Object.keys(definition.parameters.properties as object));
    expect(names.filter((name) => /customer|phone|wa_?id|name|user/i.test(name))).toEqual([]);
  });

  it('uses the catalog enums', () => {
    const search = toolbox().definitions[0]!.parameters as { properties: Record<string, { enum?: string[] }> };
    expect(search.properties.category?.enum).toContain('tv_stand');
    expect(search.properties.color?.enum).toContain('grey');
    expect(search.properties.style?.enum).toContain('scandinavian');
  });
});

describe('ShoppingToolbox.execute', () => {
  it('searches the catalog and answers the model compactly', async () => {
    const outcome = await toolbox().execute(
      'search_products',
      { category: 'sofa', color: 'grey', budget_max: 300_000 },
      turn('серый диван'),
    );
    expect(outcome.intent).toBe('search');
    expect(outcome.products!.length).toBeGreaterThan(0);
    for (const product of outcome.products!) {
      expect(product).toMatchObject({ category: 'sofa', color: 'grey' });
      expect(product.price).toBeLessThanOrEqual(300_000);
    }
    const result = outcome.result as { products: Array<Record<string, unknown>>; relaxed: string[] };
    expect(result.relaxed).toEqual([]);
    expect(Object.keys(result.products[0]!).sort()).toEqual(expect.arrayContaining(['id', 'name', 'price', 'color', 'style', 'in_stock']));
    expect(result.products[0]).not.toHaveProperty('description');
  });

  it('reports relaxed filters under the names the model used', async () => {
    const outcome = await toolbox().execute('search_products', { category: 'sofa', budget_max: 1_000 }, turn('диван'));
    expect((outcome.result as { relaxed: string[] }).relaxed).toContain('budget_max');
  });

  it('recommends from the turn context, never from arguments', async () => {
    const recommender = new RecordingRecommender();
    const context = turn('что посоветуете', {
      preferences: { colors: { beige: 4 }, styles: {}, categories: {} },
      viewedProductIds: ['SOF-005'],
    });
    const outcome = await toolbox(recommender).execute('get_recommendations', { category: 'sofa' }, context);
    expect(outcome.intent).toBe('recommend');
    expect(recommender.requests).toEqual([
      { preferences: context.preferences, viewedProductIds: ['SOF-005'], category: 'sofa', limit: 10 },
    ]);
    expect(outcome.products!.map((product) => product.id)).not.toContain('SOF-005');
  });

  it('turns stated tastes into one preference signal each, weight 2', async () => {
    const outcome = await toolbox().execute(
      'track_preference',
      { colors: ['grey', 'beige'], styles: ['loft'], budget_max: 250_000 },
      turn('люблю серый и бежевый, лофт'),
    );
    expect(outcome.result).toEqual({ saved: true });
    expect(outcome.preferences).toEqual([
      { color: 'grey', weight: 2 },
      { color: 'beige', weight: 2 },
      { style: 'loft', weight: 2 },
      { budgetMax: 250_000, weight: 2 },
    ]);
  });

  it.each([
    ['search_products', { category: 'sofa', customer_id: '77019998877' }, /customer_id/],
    ['search_products', { phone: '+77019998877' }, /phone/],
    ['search_products', { category: 'spaceship' }, /category/],
    ['search_products', { budget_min: 300_000, budget_max: 100_000 }, /budget_min/],
    ['search_products', { budget_max: -5 }, /budget_max/],
    ['get_recommendations', { wa_id: '77019998877' }, /wa_id/],
    ['track_preference', {}, /at least one/],
    ['track_preference', { colors: ['grey'], customer_name: 'Другой клиент' }, /customer_name/],
  ])('rejects %s with %j', async (name, args, message) => {
    const call = toolbox().execute(name, args, turn('диван'));
    await expect(call).rejects.toBeInstanceOf(InvalidToolArgumentsError);
    await expect(call).rejects.toThrow(message);
  });

  it('rejects a tool it does not have', async () => {
    await expect(toolbox().execute('place_order', {}, turn('оформите заказ'))).rejects.toBeInstanceOf(UnknownToolError);
  });
});

describe('ShoppingToolbox: price alerts and a person', () => {
  it('sets an alert for the context customer on a catalog product, with the target the model gave', async () => {
    const alerts = new InMemoryPriceAlerts();
    const context = turn('сообщите когда подешевеет до 150 тысяч');
    const outcome = await toolbox(undefined, alerts).execute('set_price_alert', { product_id: 'SOF-001', target_price: 150_000 }, context);
    expect(outcome.intent).toBe('price_alert');
    expect(outcome.products?.map((product) => product.id)).toEqual(['SOF-001']);
    const [stored] = await alerts.forCustomer(context.customer.waId);
    expect(stored).toMatchObject({ productId: 'SOF-001', targetPrice: 150_000 });
    await expect(toolbox(undefined, alerts).execute('set_price_alert', { product_id: 'NOPE-1' }, context)).rejects.toBeInstanceOf(
      InvalidToolArgumentsError,
    );
    await expect(
      toolbox(undefined, alerts).execute('set_price_alert', { product_id: 'SOF-001', wa_id: '77019999999' }, context),
    ).rejects.toBeInstanceOf(InvalidToolArgumentsError);
  });

  it('asks for a person', async () => {
    const outcome = await toolbox().execute('escalate_to_manager', { reason: 'хочет оформить доставку' }, turn('оформите заказ'));
    expect(outcome).toMatchObject({ intent: 'manager', handoff: true });
  });
});

describe('ShoppingToolbox: product details', () => {
  it('gives the model a product’s own measurements, material and stock to answer questions about it', async () => {
    const outcome = await toolbox().execute('get_product_details', { product_id: 'SOF-001' }, turn('какие у него размеры?'));
    expect(outcome.result).toMatchObject({ id: 'SOF-001', dimensions: 'Ш 245 × Г 170 × В 100 см', material: 'букле', stock: 30 });
  });

  it('refuses an id that is not a product, and any other argument', async () => {
    await expect(toolbox().execute('get_product_details', { product_id: 'NOPE-1' }, turn('а этот?'))).rejects.toThrow(
      InvalidToolArgumentsError,
    );
    await expect(toolbox().execute('get_product_details', { product_id: 'SOF-001', wa_id: '1' }, turn('а этот?'))).rejects.toThrow(
      InvalidToolArgumentsError,
    );
  });
});
