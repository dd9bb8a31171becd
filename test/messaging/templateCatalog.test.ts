import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { messageTemplates } from '../../functions/domain/messaging/messageTemplates';
import {
  parseTemplateDefinitions,
  TemplateDefinitionError,
  TemplateParameterError,
} from '../../functions/domain/messaging/templateCatalog';

describe('templates/message_templates.yaml', () => {
  it('defines the templates the app sends, in ru, kk and en', () => {
    const catalog = messageTemplates();
    for (const name of ['price_alert_notification', 'new_products_notification', 'service_reply']) {
      const template = catalog.get(name);
      expect(template, name).toBeDefined();
      expect(Object.keys(template?.languages ?? {}).sort()).toEqual(['en', 'kk', 'ru']);
    }
    expect(catalog.categoryOf('price_alert_notification')).toBe('UTILITY');
    expect(catalog.categoryOf('new_products_notification')).toBe('MARKETING');
  });

  it('builds a price alert with its parameters in order and both quick-reply payloads', () => {
    const message = messageTemplates().build({
      name: 'price_alert_notification',
      language: 'kk',
      parameters: { product_name: 'Диван «Осло»', old_price: '229 990 ₸', new_price: '189 990 ₸' },
      payloads: { product: 'product:SOF-001', unwatch: 'unwatch:SOF-001' },
    });
    expect(message).toEqual({
      kind: 'template',
      name: 'price_alert_notification',
      language: 'kk',
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Диван «Осло»' },
            { type: 'text', text: '229 990 ₸' },
            { type: 'text', text: '189 990 ₸' },
          ],
        },
        { type: 'button', subType: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'product:SOF-001' }] },
        { type: 'button', subType: 'quick_reply', index: 1, parameters: [{ type: 'payload', payload: 'unwatch:SOF-001' }] },
      ],
    });
  });

  it('builds the variable-free service_reply with its resume button only', () => {
    const message = messageTemplates().build({ name: 'service_reply', language: 'en', parameters: {}, payloads: { resume: 'resume' } });
    expect(message.components).toEqual([
      { type: 'button', subType: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'resume' }] },
    ]);
  });

  it('refuses a send that does not match the file, before any API call', () => {
    const catalog = messageTemplates();
    const base = { name: 'new_products_notification', language: 'ru' as const, payloads: { category: 'new:sofa', optout: 'optout' } };
    expect(() => catalog.build({ ...base, parameters: { section: 'Диваны' } })).toThrow(TemplateParameterError);
    expect(() => catalog.build({ ...base, parameters: { section: 'Диваны', product_names: '   ' } })).toThrow(/empty/);
    expect(() => catalog.build({ ...base, parameters: { section: 'Диваны', product_names: 'x', price: 1 } })).toThrow(/unknown parameters/);
    expect(() =>
      catalog.build({ ...base, payloads: { category: 'new:sofa' }, parameters: { section: 'Диваны', product_names: 'x' } }),
    ).toThrow(/payload optout/);
    expect(() => catalog.build({ ...base, name: 'nope', parameters: {} })).toThrow(/unknown template/);
  });

  it('flattens new lines inside parameters, which WhatsApp rejects', () => {
    const message = messageTemplates().build({
      name: 'new_products_notification',
      language: 'en',
      parameters: { section: 'Sofas', product_names: 'line one\n\nline two' },
      payloads: { category: 'new:sofa', optout: 'optout' },
    });
    expect(message.components[0]?.parameters[1]).toEqual({ type: 'text', text: 'line one line two' });
  });

  it('rejects a file whose body and parameters disagree', () => {
    const broken = `
- name: broken
  category: UTILITY
  parameters: [a, b]
  languages:
    ru:
      body: "only {{1}}"
      examples: ["x", "y"]
`;
    expect(() => parseTemplateDefinitions(parse(broken))).toThrow(TemplateDefinitionError);
  });
});
