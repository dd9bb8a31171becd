import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { messageTemplates } from '../../functions/domain/messaging/messageTemplates';
import { judgeCategory } from '../../functions/domain/messaging/templateCategory';
import { reviewTemplate, staticWords, type TemplateSubmission } from '../../functions/domain/messaging/templateReview';
import { parseTemplateDefinitions, TemplateCatalog } from '../../functions/domain/messaging/templateCatalog';
import { fileSubmissions, planTemplateSync } from '../../functions/domain/messaging/templateSync';

const submission = (overrides: Partial<TemplateSubmission>): TemplateSubmission => ({
  name: 'order_update',
  language: 'ru',
  category: 'UTILITY',
  body: 'Здравствуйте! Ваш заказ {{1}} передан в доставку, курьер позвонит заранее. Спасибо, что выбрали ZETA.',
  examples: ['№ 1042'],
  quickReplies: [],
  ...overrides,
});

const refusalOf = (overrides: Partial<TemplateSubmission>) => {
  const outcome = reviewTemplate(submission(overrides));
  return outcome.verdict === 'refused' ? outcome.refusal : outcome;
};

describe("templates/message_templates.yaml against Meta's review rules", () => {
  it('approves every template in every language, each in the cheapest honest category', () => {
    const categories = fileSubmissions(messageTemplates()).map(({ template, language, submission: sent }) => {
      const outcome = reviewTemplate(sent);
      expect(outcome.verdict, `${template.name}/${language}: ${JSON.stringify(outcome)}`).toBe('approved');
      return [`${template.name}/${language}`, outcome.verdict === 'approved' ? outcome.category : outcome.verdict];
    });
    expect(Object.fromEntries(categories)).toEqual({
      'price_alert_notification/ru': 'UTILITY',
      'price_alert_notification/kk': 'UTILITY',
      'price_alert_notification/en': 'UTILITY',
      'new_products_notification/ru': 'MARKETING',
      'new_products_notification/kk': 'MARKETING',
      'new_products_notification/en': 'MARKETING',
      'service_reply/ru': 'UTILITY',
      'service_reply/kk': 'UTILITY',
      'service_reply/en': 'UTILITY',
      'manager_handoff/ru': 'UTILITY',
    });
  });

  it('keeps at least five words of text per parameter, a margin over the line the review draws', () => {
    for (const { template, language, submission: sent } of fileSubmissions(messageTemplates())) {
      const parameters = (sent.body.match(/\{\{\d+\}\}/g) ?? []).length;
      expect(staticWords(sent.body), `${template.name}/${language}`).toBeGreaterThanOrEqual(5 * parameters);
    }
  });
});

describe('the templates as they were before issue 20', () => {
  it('refuses the bodies that start or end with a parameter, as Meta does (2388299)', () => {
    const dangling = {
      code: 100,
      subcode: 2388299,
      title: 'Leading or trailing params not allowed',
      message: "Variables can't be at the start or end of the template.",
    };
    expect(
      refusalOf({
        name: 'new_products_notification',
        category: 'MARKETING',
        body: '{{1}}, в ZETA новинки в разделе «{{2}}»: {{3}}. Показать?',
        examples: ['Айгерим', 'Диваны', 'Диван «Осло»'],
      }),
    ).toEqual(dangling);
    expect(
      refusalOf({
        name: 'service_reply',
        body: 'Здравствуйте, {{1}}! Отвечаем на ваше сообщение в ZETA: {{2}}',
        examples: ['Айгерим', 'нашли 5 серых диванов'],
      }),
    ).toEqual(dangling);
    expect(
      refusalOf({
        name: 'manager_handoff',
        body: '🙋 Клиент просит менеджера: {{1}}, {{2}}. {{3}}',
        examples: ['Айгерим', '+77012345678', 'Интересы: диван'],
      }),
    ).toEqual(dangling);
  });

  it('rejects the old price alert, and would have made it MARKETING: a discount and a call to buy', () => {
    const old = submission({
      name: 'price_alert_notification',
      body: '🔔 Цена снизилась! «{{1}}»: было {{2}}, теперь {{3}} (−{{4}}%). Вы просили сообщить об этом. Чтобы больше не получать такие сообщения, напишите «стоп».',
      examples: ['Диван «Осло»', '229 990 ₸', '189 990 ₸', '17'],
      quickReplies: ['Подробнее', 'Купить сейчас'],
    });
    // "{{3}} (−{{4}}%)": no word between the two parameters.
    expect(reviewTemplate(old)).toMatchObject({ verdict: 'rejected', reason: 'INVALID_FORMAT', category: 'MARKETING' });
    const judged = judgeCategory('UTILITY', { body: old.body, buttons: old.quickReplies });
    expect(judged.category).toBe('MARKETING');
    expect(judged.reason).toMatch(/percentage.*«%».*call to buy \(«Купить»\)/);
  });
});

describe("Meta's review rules, one by one", () => {
  it('does not count punctuation as text at the ends: "…заказ {{1}}." still ends with a parameter', () => {
    expect(refusalOf({ body: 'Здравствуйте! Доставка вашего заказа назначена, номер заказа {{1}}.' })).toMatchObject({ subcode: 2388299 });
  });

  it('refuses too many parameters for the words around them (2388293)', () => {
    expect(refusalOf({ body: 'Заказ {{1}}: {{2}}, доставка {{3}} ок.', examples: ['1', '2', '3'] })).toMatchObject({
      subcode: 2388293,
      title: 'Params Words Ratio Exceeds Limit',
    });
  });

  it('refuses a parameter without an example (2388043), malformed or out-of-sequence parameters (2388072)', () => {
    expect(refusalOf({ examples: [] })).toMatchObject({ subcode: 2388043 });
    expect(refusalOf({ examples: undefined })).toMatchObject({ subcode: 2388043 });
    expect(refusalOf({ body: 'Здравствуйте! Ваш заказ {{ 1 }} передан в доставку, курьер позвонит заранее.' })).toMatchObject({
      subcode: 2388072,
    });
    expect(refusalOf({ body: 'Здравствуйте! Ваш заказ {{2}} передан в доставку, курьер позвонит заранее.' })).toMatchObject({
      subcode: 2388072,
    });
  });

  it('refuses a body over 1024 characters, emoji counted as one', () => {
    expect(refusalOf({ body: `Здравствуйте! ${'слово '.repeat(200)}конец.`, examples: undefined })).toMatchObject({ subcode: 2388040 });
    expect(
      reviewTemplate(submission({ body: `Здравствуйте ${'🔔'.repeat(5)} ${'а'.repeat(990)} конец.`, examples: undefined })).verdict,
    ).not.toBe('refused');
  });

  it('refuses quick replies over 25 characters, twice the same, or more than ten buttons', () => {
    expect(refusalOf({ quickReplies: ['Отключить уведомление о цене'] })).toMatchObject({ title: 'Invalid button text' });
    expect(refusalOf({ quickReplies: ['Да', 'Да'] })).toMatchObject({ title: 'Duplicate buttons' });
    expect(refusalOf({ quickReplies: Array.from({ length: 11 }, (_, index) => `Кнопка ${index}`) })).toMatchObject({
      title: 'Too many buttons',
    });
  });

  it('refuses a language code Meta does not support: Kazakh is kk, not kz', () => {
    expect(refusalOf({ language: 'kz' })).toMatchObject({ code: 100, title: 'Invalid language' });
    expect(refusalOf({ language: 'en-US', body: 'Hello! Your order {{1}} is on its way, the courier will call you first.' })).toMatchObject(
      {
        title: 'Invalid language',
      },
    );
  });

  it('rejects in review what the format rules let through: adjacent parameters, emoji, another language, a duplicate', () => {
    expect(
      reviewTemplate(
        submission({ body: 'Здравствуйте! Заказ {{1}} {{2}} передан в доставку, курьер позвонит заранее.', examples: ['1', '2'] }),
      ),
    ).toMatchObject({ verdict: 'rejected', reason: 'INVALID_FORMAT', info: { reason: 'Variable parameters are next to each other.' } });
    expect(
      reviewTemplate(submission({ body: `Здравствуйте! Ваш заказ {{1}} передан в доставку ${'🚚'.repeat(11)} спасибо.` })),
    ).toMatchObject({
      verdict: 'rejected',
      reason: 'INVALID_FORMAT',
    });
    expect(reviewTemplate(submission({ language: 'kk' }))).toMatchObject({ verdict: 'rejected', reason: 'INVALID_FORMAT' });
    const first = submission({});
    expect(reviewTemplate(submission({ name: 'order_update_copy' }), [first])).toMatchObject({
      verdict: 'rejected',
      info: { reason: 'The content is the same as the content in another template (order_update).' },
    });
  });

  it("approves a UTILITY submission as MARKETING when it is not the customer's own business", () => {
    expect(reviewTemplate(submission({ body: 'Здравствуйте! В ZETA {{1}} — загляните в каталог, там много интересного.' }))).toMatchObject({
      verdict: 'approved',
      category: 'MARKETING',
      categoryReason: "not tied to the customer's own order, request or alert",
    });
  });
});

describe('zeta templates sync plan', () => {
  it('says why a template of the file would be refused before anything is sent', () => {
    const catalog = new TemplateCatalog(
      parseTemplateDefinitions(
        parse(`
- name: order_ready
  category: UTILITY
  parameters: [order]
  languages:
    ru:
      body: "Здравствуйте! Ваш заказ готов, его номер {{1}}"
      examples: ["1042"]
`),
      ),
    );
    const [step] = planTemplateSync(catalog, []);
    expect(step).toMatchObject({
      action: 'create',
      review: { verdict: 'refused', refusal: { subcode: 2388299, title: 'Leading or trailing params not allowed' } },
    });
  });
});
