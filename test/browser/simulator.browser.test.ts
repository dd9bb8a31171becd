import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderProductImage } from '../../functions/domain/catalog/productImage';
import { chat, startZeta, type ChatLine, type RunningZeta } from '../support/runningZeta';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** What works headless as root in a container; Playwright gives every launch a fresh profile directory. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// The README's pictures are refreshed with `npm run screenshots`; an ordinary test run keeps its own in a temp folder.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : `${join(tmpdir(), 'zeta-screenshots')}/`;

const CUSTOMER = { name: 'Асель', phone: '+7 702 111 2233', waId: '77021112233' };

let zeta: RunningZeta;
let browser: Browser;

/** The customer's own view of the same chat, from the local contract: what WhatsApp would have received. */
const serverChat = () => chat(zeta.url, CUSTOMER.waId);
const lastInbound = async (): Promise<ChatLine> => (await serverChat()).filter((line) => line.direction === 'in').at(-1) as ChatLine;

/** Answers and ticks arrive within a second or two; a slow CI machine gets more room than expect.poll's default second. */
const eventually = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 5_000 });

/** The photo's natural width once the browser has loaded it: 0 would mean a broken image. */
async function imageLoaded(image: Locator): Promise<number> {
  await eventually(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
  return image.evaluate((element: HTMLImageElement) => element.naturalWidth);
}

/** Half a second of silence as a WAV file: what a customer might pick when there is no microphone. */
function silentWav(): Buffer {
  const sampleRate = 8_000;
  const samples = Buffer.alloc(sampleRate); // 16-bit mono zeros
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

/** Waits for the n-th message from the business (1-based) and returns it. */
async function businessMessage(page: Page, n: number): Promise<Locator> {
  const line = page.locator('.line--business').nth(n - 1);
  await line.waitFor({ timeout: 10_000 });
  return line;
}

describe(`the WhatsApp simulator page (${CHROMIUM})`, () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    [zeta, browser] = await Promise.all([startZeta(), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await zeta?.stop();
  });

  it('lets a customer search, open a list, tap a product and a button, send a photo and a voice file; ticks turn blue', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(8_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${zeta.url}/sim/`);

    // A new simulated customer.
    await page.click('#new-customer');
    await page.fill('#new-customer-name', CUSTOMER.name);
    await page.fill('#new-customer-phone', CUSTOMER.phone);
    await page.click('#new-customer-add');
    await eventually(() => page.textContent('#chat-subtitle')).toContain('Асель · +7 702 111 2233');

    // Text → a list message with its button.
    await page.fill('#composer-text', 'хочу серый диван до 300 тысяч');
    await page.keyboard.press('Enter');
    const list = await businessMessage(page, 1);
    await eventually(() => list.textContent()).toMatch(/диван.*300\s000\s₸/i);
    expect(await page.locator('.line--customer').first().textContent()).toContain('хочу серый диван до 300 тысяч');

    // The list opens as a sheet of rows: titles and prices in tenge.
    await list.locator('.list-button').click();
    const rows = page.locator('.sheet__row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    for (const row of await rows.all()) {
      expect(await row.locator('.sheet__row-title').textContent()).toMatch(/^Диван/);
      expect(await row.locator('.sheet__row-description').textContent()).toMatch(/^\d{1,3}(\s\d{3})*\s₸/);
    }
    await page.locator('.sheet-backdrop--open').waitFor();
    await page.waitForTimeout(300); // the sheet's slide-in
    await page.screenshot({ path: `${SCREENSHOTS}simulator-list.png` });

    // A row → the product card with its photo and reply buttons.
    const rowTitle = (await rows.first().locator('.sheet__row-title').textContent()) ?? '';
    const rowId = (await rows.first().getAttribute('data-row-id')) ?? '';
    await rows.first().click();
    const card = await businessMessage(page, 2);
    expect(await imageLoaded(card.locator('img.header-image'))).toBeGreaterThan(0);
    const productName = /«[^»]+»/.exec(rowTitle)?.[0] ?? rowTitle;
    expect(await card.locator('.text').textContent()).toContain(productName);
    expect(await card.locator('.text').textContent()).toMatch(/\d{1,3}(\s\d{3})*\s₸/);
    const moreButton = card.locator('.reply-button[data-reply-id^="more:"]');
    expect(await moreButton.textContent()).toBe('Ещё варианты');
    const listLine = (await serverChat()).find((line) => line.direction === 'out') as ChatLine;
    expect((await lastInbound()).payload).toMatchObject({
      type: 'interactive',
      context: { id: listLine.id },
      interactive: { type: 'list_reply', list_reply: { id: rowId, title: rowTitle } },
    });
    expect(await page.locator('.line--customer').nth(1).locator('.quote').textContent()).toMatch(/^ZETA Мебель.*диван/is);
    // The staff panel shows what the assistant stored: the product counts as viewed.
    const profile = page.locator('[data-section="profile"]');
    await eventually(() => profile.locator('.recent-views').textContent()).toContain(productName);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}simulator-card.png` });

    // A reply button → more options, as a list again.
    await moreButton.click();
    const more = await businessMessage(page, 3);
    await eventually(() => more.textContent()).toContain(productName);
    expect(await more.locator('.list-button').count()).toBe(1);
    const cardLine = (await serverChat()).filter((line) => line.direction === 'out')[1] as ChatLine;
    expect((await lastInbound()).payload).toMatchObject({
      type: 'interactive',
      context: { id: cardLine.id },
      interactive: { type: 'button_reply', button_reply: { id: rowId.replace(/^product:/, 'more:'), title: 'Ещё варианты' } },
    });

    // A photo with a caption → uploaded, sent as an image message, answered with beds.
    await page.click('.composer__attach-button');
    await page.setInputFiles('#photo-input', {
      name: 'krovat.png',
      mimeType: 'image/png',
      buffer: renderProductImage({ category: 'bed', color: 'white', style: 'scandinavian' }, { width: 240, height: 180 }),
    });
    await page.fill('#photo-caption', 'кровать белая');
    await page.click('#photo-send');
    const photo = page.locator('.line--customer img.media');
    expect(await imageLoaded(photo)).toBe(240);
    expect(await page.locator('.line--customer').last().textContent()).toContain('кровать белая');
    const beds = await businessMessage(page, 4);
    await eventually(() => beds.textContent()).toMatch(/кроват/i);
    expect(await beds.locator('.list-button, .reply-button, img.header-image').count()).toBeGreaterThan(0);
    expect((await lastInbound()).payload).toMatchObject({ type: 'image', image: { mime_type: 'image/png', caption: 'кровать белая' } });

    // The microphone, with no microphone in a headless browser, picks an audio file instead.
    const fileChooser = page.waitForEvent('filechooser');
    await page.click('.composer__send');
    await (await fileChooser).setFiles({ name: 'golos.wav', mimeType: 'audio/wav', buffer: silentWav() });
    await page.locator('.line--customer audio').waitFor();
    const voiceAnswer = await businessMessage(page, 5);
    await eventually(() => voiceAnswer.textContent()).toMatch(/текстом/);
    expect((await lastInbound()).payload).toMatchObject({ type: 'audio', audio: { mime_type: 'audio/wav', voice: false } });

    // Every message the page showed is read: blue ticks on screen, `read` in the log.
    const allRead = Array(5).fill('read');
    const tickStates = () =>
      page.locator('.line--business .ticks').evaluateAll((ticks) => ticks.map((tick) => tick.getAttribute('data-status')));
    await eventually(tickStates).toEqual(allRead);
    const readColor = await page
      .locator('.line--business .ticks--read')
      .first()
      .evaluate((tick) => getComputedStyle(tick).color);
    expect(readColor).toBe('rgb(83, 189, 235)');
    const loggedStates = (await serverChat()).filter((line) => line.direction === 'out').map((line) => line.status);
    expect(loggedStates).toEqual(allRead);

    // The staff panel: the stored profile, and a price change in the running catalog.
    expect(await profile.textContent()).toMatch(/диваны.*серый.*до 300\s000\s₸/s);
    const productId = rowId.replace(/^product:/, '');
    await page.fill('#price-product', productId);
    await page.fill('#price-value', '150000');
    await page.click('[data-section="price"] button[type="submit"]');
    await eventually(() => page.textContent('[data-section="price"] .form-result')).toMatch(
      new RegExp(`^Готово: ${productId} теперь стоит 150\\s000\\s₸\\.$`),
    );

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows every kind of customer message without breaking, and a template in its approved words with its quick reply', async () => {
    const waId = '77021114455';
    const say = async (message: Record<string, unknown>) => {
      const response = await fetch(`${zeta.url}/sim/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: waId, name: 'Жанар', ...message }),
      });
      expect(response.status).toBe(200);
    };
    // Written 25 hours ago and delivered now: answered with the service_reply template.
    await say({ type: 'text', text: { body: 'покажите диваны' }, timestamp: Math.floor(Date.now() / 1000) - 25 * 3600 });
    for (const message of [
      { type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{}' } } },
      { type: 'interactive', interactive: { type: 'call_permission_reply', call_permission_reply: { response: 'accept' } } },
      { type: 'interactive', interactive: { type: 'product_inquiry' } },
      { type: 'location', location: { latitude: 43.24, longitude: 76.88, name: 'Дом' } },
      { type: 'order', order: { catalog_id: '1', product_items: [{ product_retailer_id: 'SOF-001', quantity: 1 }] } },
      { type: 'interactive' },
    ]) {
      await say(message);
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(8_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${zeta.url}/sim/`);
    await page.click(`.customer[data-wa-id="${waId}"]`);
    await eventually(() => page.locator('.line--customer').count()).toBe(7);
    const customerLines = await page.locator('.line--customer').allTextContents();
    expect(customerLines.join(' | ')).toMatch(/Sent.*Разрешил звонок.*product_inquiry.*Дом.*Заказ из каталога.*\[interactive\]/s);

    const template = page.locator('.line--business .bubble--template').first();
    await template.waitFor();
    expect(await template.textContent()).toContain('Мы ответили на ваше сообщение в чате ZETA');
    expect(await template.textContent()).not.toContain('service_reply');
    const quickReply = page.locator('.line--business .reply-button[data-reply-id="resume"]').first();
    expect(await quickReply.textContent()).toBe('Показать ответ');
    const before = await page.locator('.line--business').count();
    await quickReply.click();
    await eventually(async () => (await chat(zeta.url, waId)).filter((line) => line.direction === 'in').at(-1)?.payload).toMatchObject({
      type: 'button',
      button: { payload: 'resume', text: 'Показать ответ' },
    });
    await eventually(() => page.locator('.line--business').count()).toBeGreaterThan(before);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('fits a phone: the chat takes the whole width, the panel is a drawer', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    await page.goto(`${zeta.url}/sim/`);

    // The server knows Асель's chat, so the customer list offers it.
    await page.click('#open-customers');
    await page.click(`.customer[data-wa-id="${CUSTOMER.waId}"]`);
    await businessMessage(page, 5);
    const customers = await page.locator('#customers').boundingBox();
    await eventually(async () => (await page.locator('#customers').boundingBox())?.x).toBeLessThanOrEqual(-(customers?.width ?? 0));

    expect((await page.locator('#chat').boundingBox())?.width).toBe(390);
    expect((await page.locator('#panel').boundingBox())?.x).toBeGreaterThanOrEqual(390);
    // Opened on the newest message, still in view once the photos above it have their size.
    const newestLineBottom = async () => {
      const [line, messages] = await Promise.all([page.locator('.line').last().boundingBox(), page.locator('#messages').boundingBox()]);
      return (messages?.y ?? 0) + (messages?.height ?? 0) - (line?.y ?? 0) - (line?.height ?? 0);
    };
    await page.waitForFunction(() => [...document.images].every((image) => image.complete));
    await eventually(newestLineBottom).toBeGreaterThanOrEqual(0);
    expect(await newestLineBottom()).toBeLessThan(40);
    await page.screenshot({ path: `${SCREENSHOTS}simulator-mobile.png` });

    await page.click('#toggle-panel');
    await eventually(async () => (await page.locator('#panel').boundingBox())?.x).toBeLessThan(390);
    await eventually(() => page.locator('[data-section="profile"]').textContent()).toContain('серый');
    await context.close();
  });
});
