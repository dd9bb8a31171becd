import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCustomerRepository } from '../../functions/adapters/dynamodb/dynamoCustomerRepository';
import { DynamoPriceAlertRepository } from '../../functions/adapters/dynamodb/dynamoPriceAlertRepository';
import { GraphClient } from '../../functions/adapters/whatsapp/graphClient';
import { GraphMessenger } from '../../functions/adapters/whatsapp/graphMessenger';
import { PriceAlertCheck } from '../../functions/domain/alerts/priceAlertCheck';
import { PriceAlertService } from '../../functions/domain/alerts/priceAlertService';
import { CustomerPriceDropNotifier } from '../../functions/domain/alerts/priceDropNotifier';
import type { Product } from '../../functions/domain/catalog/product';
import { InMemoryCatalog } from '../../functions/domain/catalog/inMemoryCatalog';
import { CustomerDelivery } from '../../functions/domain/messaging/customerDelivery';
import { messageTemplates } from '../../functions/domain/messaging/messageTemplates';
import { embeddedProducts } from '../../local/embeddedCatalog';
import { GRAPH_TOKEN, PHONE_NUMBER_ID, startGraphServer, type GraphServer } from '../support/graphServer';
import { startTestTable, type TestTable } from '../support/localDynamo';

const HOUR = 3_600_000;
let table: TestTable;
let graph: GraphServer;
let catalog: InMemoryCatalog;
let customers: DynamoCustomerRepository;
let alerts: DynamoPriceAlertRepository;
let service: PriceAlertService;
let next = 77040000100;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  table = await startTestTable();
  graph = await startGraphServer();
  customers = new DynamoCustomerRepository(table.document, table.tableName, { profileDays: 365, memoryDays: 90, outboundDays: 35 });
  alerts = new DynamoPriceAlertRepository(table.document, table.tableName);
  service = new PriceAlertService(alerts, Date.now);
});
afterAll(async () => {
  await graph.close();
  await table.close();
});
beforeEach(() => {
  catalog = new InMemoryCatalog(embeddedProducts());
  graph.setFaults(undefined);
});

type Notifier = CustomerPriceDropNotifier;

function checkWith(failures: unknown[] = [], wrap: (notifier: Notifier) => Pick<Notifier, 'notify'> = (notifier) => notifier) {
  const messenger = new GraphMessenger(
    async () =>
      new GraphClient({
        baseUrl: graph.baseUrl,
        apiVersion: 'v26.0',
        accessToken: GRAPH_TOKEN,
        phoneNumberId: PHONE_NUMBER_ID,
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      }),
  );
  return new PriceAlertCheck({
    alerts,
    catalog,
    notifier: wrap(
      new CustomerPriceDropNotifier({
        customers,
        delivery: new CustomerDelivery(messenger, Date.now),
        templates: messageTemplates(),
        imageUrlOf: (product) => `http://127.0.0.1/catalog/images/${product.id}.png`,
        now: Date.now,
        onBookkeepingError: (error) => failures.push(error),
      }),
    ),
    onFailure: (_where, error) => failures.push(error),
  });
}

async function customerWhoWrote(hoursAgo: number, optedOut = false): Promise<string> {
  const waId = String(next++);
  const at = Date.now() - hoursAgo * HOUR;
  await customers.saveTurn({
    turnId: `wamid.t${waId}`,
    profile: {
      waId,
      language: 'ru',
      firstSeenAt: at,
      lastInboundAt: at,
      messageCount: 1,
      preferences: { colors: {}, styles: {}, categories: {} },
      recentViews: [],
      lastShown: [],
      optedOut: false,
      misunderstandings: 0,
    },
    memory: [],
  });
  if (optedOut) await customers.setOptedOut(waId, true);
  graph.lastInbound.set(waId, at);
  return waId;
}

async function product(id: string): Promise<Product> {
  const found = await catalog.get(id);
  if (!found) throw new Error(id);
  return found;
}

const sentTo = (waId: string) =>
  graph.outbound.filter((record) => record.to === waId).map((record) => record.body as { type: string; template?: { name: string } });

describe('the daily price check', () => {
  it('notifies with the card inside the window and the template outside, once, and removes fired alerts', async () => {
    const recent = await customerWhoWrote(2);
    const silent = await customerWhoWrote(30);
    const sofa = await product('SOF-001');
    await service.set(recent, sofa, 'ru');
    await service.set(silent, sofa, 'ru', sofa.price - 10_000);
    catalog.replacePrices({ [sofa.id]: sofa.price - 20_000 });

    const report = await checkWith().run('run-1');
    expect(report).toMatchObject({ fired: 2, failed: 0, skipped: 0 });
    expect(sentTo(recent).map((body) => body.type)).toEqual(['interactive']);
    expect(sentTo(silent).map((body) => body.template?.name)).toEqual(['price_alert_notification']);
    expect(await alerts.forProduct(sofa.id)).toEqual([]);

    expect(await checkWith().run('run-2')).toMatchObject({ fired: 0, checked: 0 });
    expect(sentTo(recent)).toHaveLength(1);
    expect(sentTo(silent)).toHaveLength(1);
  });

  it('does not fire above the target, nor for customers who opted out', async () => {
    const waiting = await customerWhoWrote(30);
    const optedOut = await customerWhoWrote(30, true);
    const chair = await product('CHR-001');
    await service.set(waiting, chair, 'ru', chair.price - 5_000);
    await service.set(optedOut, chair, 'ru');
    catalog.replacePrices({ [chair.id]: chair.price - 1_000 });
    const report = await checkWith().run('run-3');
    expect(report).toMatchObject({ fired: 0, skipped: 1 });
    expect(sentTo(waiting)).toEqual([]);
    expect(sentTo(optedOut)).toEqual([]);
    expect(await alerts.forCustomer(optedOut)).toHaveLength(1);
  });

  it('keeps going when one send fails, and retries that alert in the next run', async () => {
    const failing = await customerWhoWrote(30);
    const fine = await customerWhoWrote(30);
    const bed = await product('BED-001');
    await service.set(failing, bed, 'ru');
    await service.set(fine, bed, 'ru');
    catalog.replacePrices({ [bed.id]: bed.price - 15_000 });
    graph.setFaults((request) =>
      JSON.stringify(request.body).includes(failing) ? { status: 500, body: { error: { message: 'boom', code: 1 } } } : undefined,
    );
    const failures: unknown[] = [];
    expect(await checkWith(failures).run('run-4')).toMatchObject({ fired: 1, failed: 1 });
    expect(failures).toHaveLength(1);
    expect(sentTo(fine)).toHaveLength(1);

    graph.setFaults(undefined);
    expect(await checkWith().run('run-5')).toMatchObject({ fired: 1, failed: 0 });
    expect(sentTo(failing)).toHaveLength(1);
    expect(sentTo(fine)).toHaveLength(1);
  });

  it('never notifies twice when a run crashes half-way and runs again', async () => {
    const first = await customerWhoWrote(30);
    const second = await customerWhoWrote(30);
    const wardrobe = await product('WRD-001');
    await service.set(first, wardrobe, 'ru');
    await service.set(second, wardrobe, 'ru');
    catalog.replacePrices({ [wardrobe.id]: wardrobe.price - 30_000 });

    // The crashed run: it sends the first notification, then dies after sending the second, before removing it.
    let calls = 0;
    const crashed = checkWith([], (notifier) => ({
      notify: async (alert, item) => {
        calls += 1;
        const outcome = await notifier.notify(alert, item);
        if (calls === 2) await new Promise<never>(() => undefined);
        return outcome;
      },
    })).run('crashed-run');
    for (let waited = 0; sentTo(first).length + sentTo(second).length < 2 && waited < 20_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const rerun = await checkWith().run('rerun');
    expect(rerun.fired).toBe(0);
    expect(sentTo(first)).toHaveLength(1);
    expect(sentTo(second)).toHaveLength(1);
    void crashed;
  });
});
