import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, startZeta, waitForChat, type ChatLine, type RunningZeta } from '../support/runningZeta';
import { textOf, type SentBody } from '../support/sentMessages';

/** A customer who adopted a WhatsApp username and withholds their number: Meta gives only their business-scoped user id. */
const BSUID = 'KZ.1502576394655877';
const MANAGER = '77017770001';
let zeta: RunningZeta;

beforeAll(async () => {
  zeta = await startZeta({ MANAGER_WA_ID: MANAGER, MANAGER_NAME: 'Айгуль' });
}, 60_000);
afterAll(async () => zeta?.stop());

async function post(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${zeta.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

const asCustomer = (message: Record<string, unknown>) =>
  post('/sim/api/messages', { from_user_id: BSUID, username: 'dana.home', name: 'Дана', ...message });
const text = (body: string) => ({ type: 'text', text: { body } });
const tap = (id: string, title: string) => ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } });
const pick = (id: string, title: string) => ({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title } } });
const outbound = (lines: ChatLine[]) => lines.filter((line) => line.direction === 'out').map((line) => line.payload as unknown as SentBody);
const answers = (count: number, who = BSUID) => waitForChat(zeta.url, who, (lines) => outbound(lines).length >= count).then(outbound);

describe('npm start: a customer known only by a business-scoped user id (username, number withheld)', () => {
  it('searches, opens a card, sets a price alert and receives it, is handed off and released — every answer addressed to the BSUID', async () => {
    await asCustomer(text('покажите кресла'));
    const [list] = await answers(1);
    expect(list).toMatchObject({ type: 'interactive', recipient: BSUID });
    expect(list?.to).toBeUndefined();
    const row = list?.interactive?.action.sections?.[0]?.rows[0];
    expect(row?.id).toMatch(/^product:ARM-/);
    const productId = row!.id.slice('product:'.length);

    await asCustomer(pick(row!.id, 'Кресло'));
    const card = (await answers(2))[1];
    const watch = card?.interactive?.action.buttons?.find((button) => button.reply.id.startsWith('watch:'));
    expect(watch?.reply.id).toBe(`watch:${productId}`);

    await asCustomer(tap(watch!.reply.id, watch!.reply.title));
    expect(textOf((await answers(3))[2])).toMatch(/сообщ|уведом/i);

    await post('/sim/api/catalog/prices', { [productId]: 19_990 });
    const run = (await post('/sim/api/jobs/alert-checker')) as { report: { fired: number; failed: number } };
    expect(run.report).toMatchObject({ fired: 1, failed: 0 });
    const alert = (await answers(4))[3];
    expect(alert).toMatchObject({ recipient: BSUID });
    expect(JSON.stringify(alert)).toContain('19\u00a0990\u00a0₸');

    // The manager wrote today, so the handoff notice reaches them free-form, with the release button.
    await post('/sim/api/messages', { from: MANAGER, ...text('привет') });
    await answers(1, MANAGER);
    await asCustomer(text('позовите менеджера'));
    expect(textOf((await answers(5))[4])).toContain('Айгуль');
    const notice = (await answers(2, MANAGER))[1];
    expect(textOf(notice)).toContain(`@dana.home (${BSUID})`);
    const release = notice?.interactive?.action.buttons?.[0]?.reply;
    expect(release?.id).toBe(`release:${BSUID}`);

    await post('/sim/api/messages', { from: MANAGER, ...tap(release!.id, release!.title) });
    expect(textOf((await answers(3, MANAGER))[2])).toMatch(/снова с ботом/);
    await asCustomer(text('покажите кровати'));
    expect((await answers(6))[5]).toMatchObject({ recipient: BSUID });

    // The simulator's API takes the BSUID wherever it takes a wa_id.
    const profile = (await (await fetch(`${zeta.url}/sim/api/customers/${BSUID}/profile`)).json()) as Record<string, unknown>;
    expect(profile).toMatchObject({ waId: BSUID, userId: BSUID, username: 'dana.home', name: 'Дана' });
    expect(profile.phone).toBeUndefined();
    expect((await chat(zeta.url, BSUID)).filter((line) => line.direction === 'in')).toHaveLength(5);
  });

  it('keeps one chat and one customer when the same person writes with their number and BSUID, then with the BSUID alone', async () => {
    const phone = '77017770002';
    const bsuid = 'KZ.1502576394655878';
    await post('/sim/api/messages', { from: phone, from_user_id: bsuid, name: 'Ерлан', ...text('хочу серый диван') });
    await answers(1, phone);
    await post('/sim/api/messages', { from_user_id: bsuid, ...text('что посоветуете?') });
    await waitForChat(zeta.url, bsuid, (lines) => outbound(lines).length >= 2);
    // Delivery ticks keep arriving between two reads: the same chat, read by either id, once they settle.
    await expect
      .poll(async () => JSON.stringify(await chat(zeta.url, bsuid)) === JSON.stringify(await chat(zeta.url, phone)), { timeout: 5_000 })
      .toBe(true);
    const profile = (await (await fetch(`${zeta.url}/sim/api/customers/${bsuid}/profile`)).json()) as Record<string, unknown>;
    expect(profile).toMatchObject({ waId: phone, phone, userId: bsuid, messageCount: 2 });
  });
});
