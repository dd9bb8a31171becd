import { describe, expect, it } from 'vitest';
import { commandOf } from '../../functions/domain/conversation/customerCommands';
import { understand } from '../../functions/domain/understanding/understand';

const command = (text: string) => commandOf(text, understand(text))?.kind;

describe('customer commands in Cyrillic', () => {
  // \w matches ASCII letters only: «отменить» used to stop at «отмени» and the rest failed.
  it('cancels every alert however the verb ends', () => {
    for (const text of [
      'отменить все уведомления',
      'Отмените, пожалуйста, все уведомления',
      'отключите мои уведомления о цене',
      'удалить оповещения',
      'уберите все мои уведомления',
      'хабарламаларды өшіріңіз',
      'хабарландыруларды өшіріңіз',
      'cancel all my alerts',
    ]) {
      expect(command(text), text).toBe('cancel_alerts');
    }
  });

  it('lists alerts and subscribes again', () => {
    expect(command('мои уведомления')).toBe('list_alerts');
    expect(command('менің хабарламаларым')).toBe('list_alerts');
    // «хабарландыру» is what the Kazakh texts call a price alert.
    expect(command('менің хабарландыруларым')).toBe('list_alerts');
    expect(command('Хабарландыруларым')).toBe('list_alerts');
    expect(command('подписаться')).toBe('opt_in');
  });
});
