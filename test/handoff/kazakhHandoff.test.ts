import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { sqsRecord, text } from '../support/sqsEvents';

const MANAGER = '77770000011';
let harness: ConsumerHarness;

beforeAll(async () => {
  harness = await startConsumerHarness({ MANAGER_WA_ID: MANAGER, MANAGER_NAME: 'Айгуль' });
});
afterAll(async () => {
  await harness.close();
});

type Body = { text?: { body: string }; interactive?: { body: { text: string } } };
const lastText = (waId: string) => {
  const body = harness.sentTo(waId).at(-1) as Body | undefined;
  return body?.text?.body ?? body?.interactive?.body.text ?? '';
};

describe('the language at a handoff', () => {
  it('stays Kazakh when a Kazakh customer writes only «менеджер»', async () => {
    const customer = { waId: '77060000901', name: 'Асель' };
    await harness.invoke([sqsRecord(text(customer, 'сәлеметсіз бе, маған ақ кереует керек'))]);
    await harness.invoke([sqsRecord(text(customer, 'менеджер'))]);
    expect(lastText(customer.waId)).toContain('менеджерге (Айгуль)');
    expect(lastText(customer.waId)).toMatch(/жібердім/);
  });

  it('follows the customer when they really switch language', async () => {
    const customer = { waId: '77060000902' };
    await harness.invoke([sqsRecord(text(customer, 'маған диван керек'))]);
    await harness.invoke([sqsRecord(text(customer, 'позовите менеджера пожалуйста'))]);
    expect(lastText(customer.waId)).toMatch(/Передала ваш вопрос менеджеру/);
  });
});
