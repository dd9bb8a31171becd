import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, sendAsCustomer, startZeta, waitForChat, type ChatLine, type RunningZeta } from '../support/runningZeta';

let zeta: RunningZeta;

beforeAll(async () => {
  zeta = await startZeta();
}, 60_000);
afterAll(async () => zeta?.stop());

const HOUR = 3_600;
const secondsAgo = (seconds: number) => Math.floor(Date.now() / 1000) - seconds;

const say = (from: string, message: Record<string, unknown>, timestamp = secondsAgo(0)): Promise<string> =>
  sendAsCustomer(zeta.url, { from, timestamp, name: 'Гүлнар', ...message });

const text = (body: string) => ({ type: 'text', text: { body } });
const tap = (id: string, title: string) => ({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } });
const quickReply = (payload: string, text: string) => ({ type: 'button', button: { payload, text } });
/** The parts of a Cloud API request body these tests read. */
interface SentBody {
  type: string;
  template?: { name: string; components: Array<{ type: string; parameters: Array<{ text?: string; payload?: string }> }> };
  interactive?: { body: { text: string }; action: { sections?: Array<{ rows: Array<{ id: string; title: string }> }> } };
}
const outbound = (lines: ChatLine[]) => lines.filter((line) => line.direction === 'out').map((line) => line.payload as unknown as SentBody);
const quickReplyPayload = (body: SentBody | undefined) =>
  body?.template?.components.find((component) => component.type === 'button')?.parameters[0]?.payload;
const rowsOf = (body: SentBody | undefined) => body?.interactive?.action.sections?.flatMap((section) => section.rows) ?? [];

async function post(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${zeta.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('npm start: price alerts, templates and the 24-hour window', () => {
  it('answers a customer silent for more than 24 h with a template, fires an alert once, and never messages an opted-out customer', async () => {
    const silent = '77016660001';
    const optedOut = '77016660002';
    const product = 'SOF-003';

    await say(silent, text('покажите диваны'), secondsAgo(25 * HOUR));
    const first = await waitForChat(zeta.url, silent, (lines) => outbound(lines).length === 1);
    expect(outbound(first)[0]).toMatchObject({ type: 'template', template: { name: 'service_reply' } });

    await say(silent, tap(`watch:${product}`, '🔔 Следить за ценой'), secondsAgo(25 * HOUR - 60));
    await waitForChat(zeta.url, silent, (lines) => outbound(lines).length === 2);

    await say(optedOut, tap(`watch:${product}`, '🔔 Следить за ценой'));
    await waitForChat(zeta.url, optedOut, (lines) => outbound(lines).length === 1);
    await say(optedOut, text('стоп'));
    const stopped = await waitForChat(zeta.url, optedOut, (lines) => outbound(lines).length === 2);
    expect(JSON.stringify(outbound(stopped)[1])).toContain('подписаться');

    await post('/sim/api/catalog/prices', { [product]: 99_990 });
    const firstRun = (await post('/sim/api/jobs/alert-checker')) as { report: { fired: number; skipped: number; failed: number } };
    expect(firstRun.report).toMatchObject({ fired: 1, skipped: 1, failed: 0 });
    const afterAlert = await waitForChat(zeta.url, silent, (lines) => outbound(lines).length === 3);
    const notification = outbound(afterAlert)[2];
    expect(notification?.type).toBe('template');
    expect(notification?.template?.name).toBe('price_alert_notification');
    expect(notification?.template?.components[0]?.parameters[2]?.text).toBe('99\u00a0990\u00a0₸');

    const secondRun = (await post('/sim/api/jobs/alert-checker')) as { report: { fired: number } };
    expect(secondRun.report.fired).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(outbound(await chat(zeta.url, silent))).toHaveLength(3);
    expect(outbound(await chat(zeta.url, optedOut))).toHaveLength(2);
  });

  it('schedules a follow-up and, after a week of silence, tells about new arrivals in the customer sections', async () => {
    const customer = '77016660003';
    const longAgo = Math.floor(Date.parse('2026-09-01T08:00:00Z') / 1000);
    const pendingFollowUps = async () =>
      ((await (await fetch(`${zeta.url}/sim/api/jobs/follow-ups`)).json()) as Array<{ name: string }>).map((schedule) => schedule.name);
    // The first test's customers may have follow-ups of their own: wait for the one this customer's message adds.
    const before = await pendingFollowUps();
    // Older than Meta's seven-day redelivery horizon: remembered and scheduled from, not answered.
    await say(customer, text('хочу диван'), longAgo);
    // The follow-up is scheduled once the turn is done.
    let added: string[] = [];
    for (let waited = 0; added.length === 0 && waited < 5_000; waited += 50) {
      added = (await pendingFollowUps()).filter((name) => !before.includes(name));
      if (added.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(added).toEqual([expect.stringMatching(/^followup-[0-9a-f]{16}$/)]);

    expect(outbound(await chat(zeta.url, customer))).toEqual([]);

    const { ran } = (await post('/sim/api/jobs/follow-ups')) as { ran: number };
    expect(ran).toBeGreaterThanOrEqual(1);
    const lines = await waitForChat(zeta.url, customer, (all) => outbound(all).length === 1);
    const followUp = outbound(lines)[0];
    expect(followUp).toMatchObject({ type: 'template', template: { name: 'new_products_notification' } });
    expect(quickReplyPayload(followUp)).toBe('new:sofa');

    // Its quick reply opens the section's new arrivals as a list of products.
    await say(customer, quickReply('new:sofa', 'Посмотреть'));
    const shown = await waitForChat(zeta.url, customer, (all) => outbound(all).length === 2);
    const list = outbound(shown)[1];
    expect(list?.type).toBe('interactive');
    expect(list?.interactive?.body.text).toContain('Новинки в разделе «Диваны»');
    const rows = rowsOf(list);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /^product:SOF-/.test(row.id))).toBe(true);
  });

  it('answers a late redelivery free-form when the customer wrote a minute ago, and only records a message past the seven-day horizon', async () => {
    const customer = '77016660005';
    await say(customer, text('покажите кресла'), secondsAgo(60));
    await waitForChat(zeta.url, customer, (lines) => outbound(lines).length === 1);
    // Delivered now, written 25 hours ago (Meta retried it): the customer's window is open from their message a minute ago.
    await say(customer, text('покажите диваны'), secondsAgo(25 * HOUR));
    const late = await waitForChat(zeta.url, customer, (lines) => outbound(lines).length === 2);
    expect(outbound(late)[1]?.type).toBe('interactive');
    expect(JSON.stringify(outbound(late)[1])).toMatch(/product:SOF-/);

    await say(customer, text('покажите кровати'), secondsAgo(8 * 24 * HOUR));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(outbound(await chat(zeta.url, customer))).toHaveLength(2);
    const profile = (await (await fetch(`${zeta.url}/sim/api/customers/${customer}/profile`)).json()) as { messageCount: number };
    expect(profile.messageCount).toBe(3);
  });

  it('sends the answer a late service_reply template announced when the customer taps "Показать ответ"', async () => {
    const customer = '77016660004';
    await say(customer, text('покажите диваны'), secondsAgo(30 * HOUR));
    const late = await waitForChat(zeta.url, customer, (lines) => outbound(lines).length === 1);
    const template = outbound(late)[0];
    expect(template?.template?.name).toBe('service_reply');
    expect(quickReplyPayload(template)).toBe('resume');
    // Variable-free: the answer itself goes out after the tap, free in the reopened window.
    expect(template?.template?.components.filter((component) => component.type === 'body')).toEqual([]);

    await say(customer, quickReply('resume', 'Показать ответ'));
    const lines = await waitForChat(zeta.url, customer, (all) => outbound(all).length === 2);
    const list = outbound(lines)[1];
    expect(list?.type).toBe('interactive');
    expect(list?.interactive?.body.text).toMatch(/^Нашла \d+ диван/);
    const rows = rowsOf(list);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.id).toMatch(/^product:SOF-/);
  });
});
