import { startConsumerHarness } from './test/support/consumerHarness';
import { sqsRecord, text } from './test/support/sqsEvents';
const harness = await startConsumerHarness(process.env.MANAGER ? { MANAGER_WA_ID: '77770000099' } : {});
let n = 77060001000;
const render = (b: any) => {
  if (b.type === 'text') return b.text.body;
  if (b.type === 'interactive') {
    const i = b.interactive;
    const rows = i.action.sections?.flatMap((s: any) => s.rows.map((r: any) => `  [${r.id}] ${r.title} ${r.description ?? ''}`)) ?? [];
    const buttons = i.action.buttons?.map((x: any) => `  (${x.reply.id}) ${x.reply.title}`) ?? [];
    return [i.body.text, ...rows, ...buttons].join('\n');
  }
  return JSON.stringify(b);
};
const dialogs = JSON.parse(process.argv[2]!) as string[][];
for (const d of dialogs) {
  const customer = { waId: String(n++) };
  console.log('=======');
  for (const say of d) {
    const before = harness.sentTo(customer.waId).length;
    await harness.invoke([sqsRecord(text(customer, say))]);
    console.log('> ' + say);
    for (const b of harness.sentTo(customer.waId).slice(before))
      console.log(
        render(b)
          .split('\n')
          .map((l: string) => '    ' + l)
          .join('\n'),
      );
  }
}
await harness.close();
