import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDeliveryStatusRecorder, type FirstPricing } from '../../functions/adapters/dynamodb/dynamoDeliveryStatusRecorder';
import { customerPk, outboundSk } from '../../functions/adapters/dynamodb/tableKeys';
import type { DeliveryStatus } from '../../functions/domain/whatsapp/inboundMessage';
import { customerRef } from '../../functions/observability/customerRef';
import { bookWhatsAppCharge } from '../../functions/observability/metering/whatsappCharges';
import { UsageMeter } from '../../functions/observability/usageMeter';
import { enterMeter } from '../../functions/observability/usageMeterContext';
import { startTestTable, type TestTable } from '../support/localDynamo';

let table: TestTable;
beforeAll(async () => {
  table = await startTestTable();
});
afterAll(async () => table.close());

const waId = '77015550001';
const AT = Date.UTC(2026, 10, 25, 9);
const pricing = { billable: true, category: 'utility', pricingModel: 'PMP', type: 'regular' };
const status = (messageId: string, state: DeliveryStatus['state'], priced = true): DeliveryStatus => ({
  messageId,
  state,
  timestamp: AT,
  recipientId: waId,
  ...(priced ? { pricing } : {}),
});

function recorder(booked: FirstPricing[]) {
  return new DynamoDeliveryStatusRecorder(
    table.document,
    table.tableName,
    35,
    () => AT,
    (first) => booked.push(first),
  );
}

async function sentTemplate(messageId: string, template: string) {
  await table.document.send(
    new PutCommand({ TableName: table.tableName, Item: { pk: customerPk(waId), sk: outboundSk(messageId), kind: 'template', template } }),
  );
}

describe("booking a message's WhatsApp charge once", () => {
  it('books the first status with pricing, with the template it was, and not the statuses that repeat it', async () => {
    const booked: FirstPricing[] = [];
    await sentTemplate('wamid.alert', 'price_alert_notification');
    await recorder(booked).record(status('wamid.alert', 'sent'));
    await recorder(booked).record(status('wamid.alert', 'delivered'));
    await recorder(booked).record(status('wamid.alert', 'read', false));
    expect(booked).toEqual([{ status: status('wamid.alert', 'sent'), template: 'price_alert_notification' }]);
  });

  it('books a late status that brings the pricing an earlier one lacked, once', async () => {
    const booked: FirstPricing[] = [];
    await table.document.send(
      new PutCommand({ TableName: table.tableName, Item: { pk: customerPk(waId), sk: outboundSk('wamid.reply'), kind: 'text' } }),
    );
    await recorder(booked).record(status('wamid.reply', 'read', false));
    await recorder(booked).record(status('wamid.reply', 'sent'));
    await recorder(booked).record(status('wamid.reply', 'delivered'));
    expect(booked).toHaveLength(1);
    expect(booked[0]?.template).toBeUndefined();
  });

  it("becomes a WhatsApp usage event attributed to the sending feature, the template and the recipient's hashed ref", () => {
    const meter = new UsageMeter(AT, 'statuses');
    enterMeter(meter);
    bookWhatsAppCharge({ status: status('wamid.alert', 'sent'), template: 'price_alert_notification' });
    expect(meter.usage).toEqual([
      {
        kind: 'whatsapp',
        category: 'utility',
        market: 'KZ',
        billable: true,
        at: AT,
        attributeTo: { feature: 'alerts', customerRef: customerRef(waId), template: 'price_alert_notification' },
      },
    ]);
  });
});
