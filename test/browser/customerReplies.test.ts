import { describe, expect, it } from 'vitest';
import { buttonReply, listReply, templateButtonReply } from '../../local/simulator/web/customerReplies';
import { phoneToWaId, formatPhone } from '../../local/simulator/web/customerStore';

const tapped = { messageId: 'wamid.LIST', businessPhone: '77010000000' };

describe('what the simulator page sends when a customer taps', () => {
  it('a reply button: interactive.button_reply with the tapped message as context', () => {
    expect(buttonReply('77012345678', tapped, { id: 'more:SOF-040', title: 'Ещё варианты' })).toEqual({
      from: '77012345678',
      type: 'interactive',
      context: { from: '77010000000', id: 'wamid.LIST' },
      interactive: { type: 'button_reply', button_reply: { id: 'more:SOF-040', title: 'Ещё варианты' } },
    });
  });

  it('a list row: interactive.list_reply with its title and description', () => {
    const row = { id: 'product:SOF-040', title: 'Диван-кровать «Ницца»', description: '178 000 ₸ · рогожка' };
    expect(listReply('77012345678', tapped, row)).toMatchObject({
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: row },
    });
    expect(listReply('77012345678', tapped, { id: 'categories', title: 'Все категории' })).toMatchObject({
      interactive: { list_reply: { id: 'categories', title: 'Все категории' } },
    });
  });

  it("a template's quick reply: button {payload, text}", () => {
    expect(templateButtonReply('77012345678', tapped, { payload: 'product:SOF-040', text: 'Подробнее' })).toEqual({
      from: '77012345678',
      type: 'button',
      context: { from: '77010000000', id: 'wamid.LIST' },
      button: { payload: 'product:SOF-040', text: 'Подробнее' },
    });
  });
});

describe('simulated customers’ numbers', () => {
  it('reads the ways people type a Kazakh number and shows it as WhatsApp does', () => {
    for (const typed of ['+7 701 234 56 78', '8 (701) 234-56-78', '7012345678', '77012345678'])
      expect(phoneToWaId(typed)).toBe('77012345678');
    expect(phoneToWaId('12')).toBeUndefined();
    expect(formatPhone('77012345678')).toBe('+7 701 234 5678');
    expect(formatPhone('4915112345678')).toBe('+4915112345678');
  });
});
