import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COST_COMPONENTS } from '../../functions/domain/cost/costComponents';
import type { CostReport } from '../../functions/domain/cost/costReport';
import { utcDay } from '../../functions/domain/cost/days';
import { parseLedgerRow } from '../../functions/domain/cost/ledgerRowSchema';
import type { LedgerRow } from '../../functions/domain/cost/ledgerRow';
import { sumUsd } from '../../functions/domain/cost/money';
import { makeAudioFixtures, type AudioFixtures } from '../media/audioFixtures';
import { startFakeOpenAiServer, toolCallCompletion, type FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { startZeta, waitForChat, type ChatLine, type RunningZeta } from '../support/runningZeta';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

let zeta: RunningZeta;
let openAi: FakeOpenAiServer;
let audio: AudioFixtures;

beforeAll(async () => {
  [openAi, audio] = await Promise.all([startFakeOpenAiServer(), makeAudioFixtures()]);
  zeta = await startZeta({ OPENAI_API_KEY: 'test', OPENAI_BASE_URL: openAi.baseURL });
}, 60_000);
afterAll(async () => {
  await zeta?.stop();
  await Promise.all([openAi?.close(), audio?.remove()]);
});

const HOUR = 3_600;
const secondsAgo = (seconds: number) => Math.floor(Date.now() / 1000) - seconds;
const outbound = (lines: ChatLine[]) => lines.filter((line) => line.direction === 'out');

async function post(path: string, body: unknown, contentType = 'application/json'): Promise<unknown> {
  const response = await fetch(`${zeta.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: body instanceof Buffer ? new Uint8Array(body) : JSON.stringify(body),
  });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return response.json();
}

async function say(from: string, message: Record<string, unknown>, timestamp = secondsAgo(0)): Promise<void> {
  await post('/sim/api/messages', { from, timestamp, name: 'Айгерим', ...message });
}

/** The queue is empty and the ledger has stopped growing: every invocation (statuses too) has its row. */
async function settledLedger(from: string, to: string): Promise<LedgerRow[]> {
  let previous = -1;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const health = (await (await fetch(`${zeta.url}/healthz`)).json()) as { queue: Record<string, number> };
    const rows = ((await (await fetch(`${zeta.url}/sim/api/cost/ledger?from=${from}&to=${to}`)).json()) as unknown[]).map(parseLedgerRow);
    const queued = Object.values(health.queue).reduce((sum, count) => sum + count, 0);
    if (queued === 0 && rows.length === previous) return rows;
    previous = rows.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the ledger never settled');
}

async function zetaCli(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['bin/zeta.js', ...args, '--local', zeta.url], { cwd: ROOT });
  return stdout;
}

describe('npm start: what a conversation cost, per invocation, function and feature', () => {
  it('books every invocation of a text, a product tap, a recommendation, a voice note and a fired alert, and the report adds them up', async () => {
    const shopper = '77017770001';
    const silent = '77017770002';

    await say(shopper, { type: 'text', text: { body: 'покажите серые диваны' } });
    const listed = await waitForChat(zeta.url, shopper, (lines) => outbound(lines).some((line) => line.payload.type === 'interactive'));
    const list = outbound(listed).find((line) => line.payload.type === 'interactive')?.payload as {
      interactive: { action: { sections: Array<{ rows: Array<{ id: string; title: string }> }> } };
    };
    const row = list.interactive.action.sections[0]!.rows.find((candidate) => candidate.id.startsWith('product:'))!;

    await say(shopper, { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: row.id, title: row.title } } });
    await waitForChat(zeta.url, shopper, (lines) => outbound(lines).length >= 2);

    openAi.respondWith(() => toolCallCompletion([{ name: 'get_recommendations', arguments: {} }]));
    await say(shopper, { type: 'text', text: { body: 'а что посоветуете?' } });
    await waitForChat(zeta.url, shopper, (lines) => outbound(lines).length >= 3);

    const { id: mediaId } = (await post('/sim/api/media', audio.ogg, 'audio/ogg')) as { id: string };
    await say(shopper, { type: 'audio', audio: { id: mediaId, mime_type: 'audio/ogg; codecs=opus', voice: true } });
    await waitForChat(zeta.url, shopper, (lines) => outbound(lines).length >= 4, 15_000);
    expect(openAi.transcriptionRequests).toHaveLength(1);

    // Silent for more than a day: the answer is the service_reply template, which WhatsApp bills.
    await say(silent, { type: 'text', text: { body: 'покажите диваны' } }, secondsAgo(25 * HOUR));
    await waitForChat(zeta.url, silent, (lines) => outbound(lines).length === 1);
    await say(
      silent,
      { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'watch:SOF-003', title: '🔔' } } },
      secondsAgo(25 * HOUR - 60),
    );
    await waitForChat(zeta.url, silent, (lines) => outbound(lines).length === 2);
    await post('/sim/api/catalog/prices', { 'SOF-003': 99_990 });
    const fired = (await post('/sim/api/jobs/alert-checker', {})) as { report: { fired: number } };
    expect(fired.report.fired).toBe(1);

    const today = utcDay(Date.now());
    const yesterday = utcDay(Date.now() - 86_400_000);
    const rows = await settledLedger(yesterday, today);

    // Every row: components add up to its total, and no phone number anywhere.
    for (const entry of rows) expect(sumUsd(Object.values(entry.costs))).toBe(entry.totalUsd);
    expect(JSON.stringify(rows)).not.toMatch(/7701777000[12]/);
    const functions = new Set(rows.map((entry) => entry.function));
    expect([...functions].sort()).toEqual(['alert-checker', 'consumer', 'webhook']);
    const voice = rows.find((entry) => entry.feature === 'voice')!;
    expect(voice.costs.openai).toBeGreaterThan(0);
    expect(voice.quantities).toMatchObject({ s3Puts: expect.any(Number), openaiAudioSeconds: expect.any(Number) });
    expect(rows.some((entry) => (entry.attributions ?? []).some((attribution) => attribution.usd > 0))).toBe(true);

    // The report's totals are the rows' sums, component by component.
    const report = JSON.parse(await zetaCli('cost', 'report', '--from', yesterday, '--to', today, '--format', 'json')) as CostReport;
    expect(report.invocations).toBe(rows.length);
    expect(report.totalUsd).toBe(sumUsd(rows.map((entry) => entry.totalUsd)));
    for (const component of COST_COMPONENTS) expect(report.components[component]).toBe(sumUsd(rows.map((entry) => entry.costs[component])));
    expect(report.components.whatsapp).toBeGreaterThan(0);
    expect(report.conversations).toBe(2);
    expect(report.usage.clickThroughRate).toBeGreaterThan(0);
    expect(report.usage.preferenceAccuracy).toBeDefined();

    const table = await zetaCli('cost', 'report', '--from', yesterday, '--to', today);
    for (const text of [
      'By function',
      'By feature',
      'consumer',
      'webhook',
      'alert-checker',
      'voice',
      'interactive',
      'Click-through rate',
      'Fixed monthly',
    ]) {
      expect(table).toContain(text);
    }
    const analytics = await zetaCli('analytics', 'report', '--from', yesterday, '--to', today);
    expect(analytics).toMatch(/click-through rate\s+\d+\.\d%/);
    expect(analytics).toMatch(/voice notes\s+1\b/);
    expect(analytics).toMatch(/price alerts triggered\s+1\b/);
  }, 45_000);

  it('bills and routes a template at the category Meta moved it to: the webhook, /marketing_messages, the report', async () => {
    type Listed = { name: string; language: string; status: string; category: string; appCategory: string | null };
    const serviceReply = async () =>
      ((await (await fetch(`${zeta.url}/sim/api/templates`)).json()) as Listed[]).find(
        (template) => template.name === 'service_reply' && template.language === 'ru',
      );
    // The approval webhook of `zeta start`'s own sync told the app the category Meta approved it in.
    await expect.poll(serviceReply, { timeout: 10_000 }).toMatchObject({ status: 'APPROVED', category: 'UTILITY', appCategory: 'UTILITY' });

    await post('/sim/api/templates/category', { name: 'service_reply', language: 'ru', category: 'MARKETING' });
    await expect.poll(serviceReply, { timeout: 10_000 }).toMatchObject({ category: 'MARKETING', appCategory: 'MARKETING' });

    const silent = '77017770003';
    await say(silent, { type: 'text', text: { body: 'покажите кресла' } }, secondsAgo(30 * HOUR));
    const [template] = outbound(await waitForChat(zeta.url, silent, (lines) => outbound(lines).length === 1));
    expect(template?.payload).toMatchObject({ type: 'template', template: { name: 'service_reply' } });

    const today = utcDay(Date.now());
    const billed = async () => {
      const report = JSON.parse(await zetaCli('cost', 'report', '--from', today, '--to', today, '--format', 'json')) as CostReport;
      return report.whatsappTemplates.find((line) => line.template === 'service_reply' && line.category === 'marketing_lite');
    };
    // Sent through the Marketing Messages API, so its status says marketing_lite: billed at the marketing rate.
    await expect.poll(billed, { timeout: 15_000, interval: 300 }).toMatchObject({ messages: 1, usd: 0.0604 });
    expect(await zetaCli('cost', 'report', '--from', today, '--to', today)).toMatch(/service_reply\s+marketing_lite\s+\$0\.060400\s+1/);
  }, 45_000);
});
