import { describe, expect, it } from 'vitest';
import type { GraphClient } from '../../functions/adapters/whatsapp/graphClient';
import { GraphApiError } from '../../functions/adapters/whatsapp/graphErrors';
import { GraphMessenger } from '../../functions/adapters/whatsapp/graphMessenger';
import { syncTemplates } from '../../functions/adapters/whatsapp/syncTemplates';
import { TemplateManagementApi } from '../../functions/adapters/whatsapp/templateManagement';
import { messageTemplates } from '../../functions/domain/messaging/messageTemplates';
import { judgeCategory } from '../../functions/domain/messaging/templateCategory';
import { fileSubmissions } from '../../functions/domain/messaging/templateSync';
import { TemplateRegistry, type AccountChange } from '../../local/graph/templateRegistry';
import { CUSTOMER, NOW, startStandIn } from '../support/graphStandInHarness';

const WABA = '200000000000001';

async function standInWithTemplates() {
  const changes: AccountChange[] = [];
  const registry = new TemplateRegistry({ reviewMs: 5, onChange: (change) => changes.push(change) });
  const harness = await startStandIn({ templates: { wabaId: WABA, registry } });
  return { ...harness, registry, changes, api: new TemplateManagementApi(harness.client, WABA) };
}

async function reviewed(api: TemplateManagementApi, count: number) {
  for (let waited = 0; waited < 2_000; waited += 10) {
    const templates = await api.list();
    if (templates.length >= count && templates.every((template) => template.status !== 'PENDING')) return templates;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('review did not finish');
}

describe('submitting templates to the Graph stand-in, as to Meta', () => {
  it('approves every template of the file, each in the category it should get, and says so in a webhook', async () => {
    const { api, changes } = await standInWithTemplates();
    const results = await syncTemplates(api, messageTemplates());
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);

    const expected = fileSubmissions(messageTemplates()).map(({ template, language, submission }) => ({
      name: template.name,
      language,
      status: 'APPROVED',
      category: judgeCategory(template.category, { body: submission.body, buttons: submission.quickReplies }).category,
    }));
    const listed = await reviewed(api, expected.length);
    expect(listed.map(({ name, language, status, category }) => ({ name, language, status, category }))).toEqual(expected);
    expect(listed.find((template) => template.name === 'price_alert_notification')?.category).toBe('UTILITY');

    const approvals = changes.filter((change) => change.field === 'message_template_status_update');
    expect(approvals).toHaveLength(expected.length);
    expect(approvals[0]?.value).toMatchObject({ event: 'APPROVED', message_template_category: expect.any(String), reason: 'NONE' });
  });

  it("refuses a template that ends with a parameter with Meta's error and reason, and keeps nothing of it", async () => {
    const { api, registry } = await standInWithTemplates();
    const refused = api.create({
      name: 'order_ready',
      language: 'ru',
      category: 'UTILITY',
      body: 'Здравствуйте! Ваш заказ готов, его номер {{1}}',
      examples: ['1042'],
      quickReplies: [],
    });
    await expect(refused).rejects.toBeInstanceOf(GraphApiError);
    await expect(refused).rejects.toMatchObject({
      httpStatus: 400,
      code: 100,
      subcode: 2388299,
      userTitle: 'Leading or trailing params not allowed',
      userMessage: "Variables can't be at the start or end of the template.",
    });
    expect(registry.list()).toEqual([]);
  });

  it('accepts, then rejects with the reason, what review finds; a rejected template cannot be sent (132001)', async () => {
    const { api, client, changes } = await standInWithTemplates();
    const created = await api.create({
      name: 'order_parts',
      language: 'ru',
      category: 'UTILITY',
      body: 'Здравствуйте! Ваш заказ {{1}} {{2}} передан в доставку, курьер позвонит вам заранее.',
      examples: ['№ 1042', 'диван'],
      quickReplies: [],
    });
    expect(created).toMatchObject({ status: 'PENDING', category: 'UTILITY' });
    const [rejected] = await reviewed(api, 1);
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectedReason: 'INVALID_FORMAT' });
    expect(changes.at(-1)?.value).toMatchObject({
      event: 'REJECTED',
      reason: 'INVALID_FORMAT',
      rejection_info: { reason: 'Variable parameters are next to each other.' },
    });
    const send = client.send(CUSTOMER, {
      kind: 'template',
      name: 'order_parts',
      language: 'ru',
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: '1' },
            { type: 'text', text: '2' },
          ],
        },
      ],
    });
    await expect(send).rejects.toMatchObject({ code: 132001 });
  });

  it('approves a promotional UTILITY submission as MARKETING, as Meta has since April 2025', async () => {
    const { api } = await standInWithTemplates();
    const created = await api.create({
      name: 'price_drop',
      language: 'en',
      category: 'UTILITY',
      body: 'Price drop on {{1}}: now with a discount, buy it today before it is gone!',
      examples: ['Sofa Oslo'],
      quickReplies: ['Buy now'],
    });
    expect(created.category).toBe('MARKETING');
    const [approved] = await reviewed(api, 1);
    expect(approved).toMatchObject({ status: 'APPROVED', category: 'MARKETING' });
  });
});

describe('sending by the category Meta reports', () => {
  const build = (name: string, language: 'ru' | 'kk' | 'en') => {
    const catalog = messageTemplates();
    const template = catalog.get(name)!;
    const parameters = Object.fromEntries(template.parameters.map((parameter) => [parameter, `${parameter} x`]));
    const payloads = Object.fromEntries(template.payloads.map((payload) => [payload, `${payload}:1`]));
    return catalog.build({ name, language, parameters, payloads });
  };

  it('sends a marketing template through /marketing_messages, billed as marketing_lite, and the rest through /messages', async () => {
    const { api, client, outbound, statuses, lastInbound } = await standInWithTemplates();
    await syncTemplates(api, messageTemplates());
    await reviewed(api, fileSubmissions(messageTemplates()).length);
    lastInbound.set(CUSTOMER, NOW - 48 * 3_600_000);
    const messenger = new GraphMessenger(
      async () => client,
      async (name) => messageTemplates().categoryOf(name),
    );

    const marketing = await messenger.send(CUSTOMER, build('new_products_notification', 'kk'));
    const utility = await messenger.send(CUSTOMER, build('price_alert_notification', 'kk'));
    expect(outbound.map((record) => [record.id, record.endpoint])).toEqual([
      [marketing.messageId, 'marketing_messages'],
      [utility.messageId, 'messages'],
    ]);
    await expect.poll(() => statuses.filter((status) => status.status === 'sent').length).toBe(2);
    const pricing = (id: string) => statuses.find((status) => status.id === id && status.status === 'sent')?.pricing;
    expect(pricing(marketing.messageId)).toMatchObject({ billable: true, category: 'marketing_lite' });
    expect(pricing(utility.messageId)).toMatchObject({ billable: true, category: 'utility' });
  });

  it('refuses what the Marketing Messages API does not send: free-form messages (100) and non-marketing templates (131055)', async () => {
    const { api, client } = await standInWithTemplates();
    await syncTemplates(api, messageTemplates());
    await reviewed(api, fileSubmissions(messageTemplates()).length);
    const viaMarketing = (message: Parameters<GraphClient['send']>[1]) =>
      client.send(CUSTOMER, message, { endpoint: 'marketing_messages' });
    await expect(viaMarketing({ kind: 'text', body: 'Скидки!' })).rejects.toMatchObject({
      code: 100,
      details: 'Message must be a template message.',
    });
    await expect(viaMarketing(build('service_reply', 'ru'))).rejects.toMatchObject({ code: 131055 });
  });

  it('bills a template at the category Meta moved it to, after the announcement and the change', async () => {
    const { api, client, registry, changes, statuses } = await standInWithTemplates();
    await syncTemplates(api, messageTemplates());
    await reviewed(api, fileSubmissions(messageTemplates()).length);
    registry.recategorize('price_alert_notification', 'ru', 'MARKETING');
    const categoryChanges = changes.filter((change) => change.field === 'template_category_update').map((change) => change.value);
    expect(categoryChanges).toEqual([
      expect.objectContaining({
        message_template_name: 'price_alert_notification',
        correct_category: 'MARKETING',
        new_category: 'UTILITY',
      }),
      expect.objectContaining({
        message_template_name: 'price_alert_notification',
        previous_category: 'UTILITY',
        new_category: 'MARKETING',
      }),
    ]);
    expect(
      (await api.list()).find((template) => template.name === 'price_alert_notification' && template.language === 'ru')?.category,
    ).toBe('MARKETING');
    const { messageId } = await client.send(CUSTOMER, build('price_alert_notification', 'ru'));
    await expect.poll(() => statuses.find((status) => status.id === messageId)?.pricing?.category).toBe('marketing');
  });
});
