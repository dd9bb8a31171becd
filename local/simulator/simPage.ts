import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { LOCAL_DISPLAY_PHONE } from './webhookPayloads';

const WEB_DIR = fileURLToPath(new URL('./web/', import.meta.url));
const SCRIPT_ENTRY = `${WEB_DIR}main.ts`;
/** Plain files of the page; anything else under /sim/ is not ours. */
const STATIC_FILE = /^\/sim\/([a-z][\w-]*\.css)$/;

const noStore = { 'cache-control': 'no-store' };

/**
 * Compiles the page's TypeScript on every request: a few files bundle in
 * milliseconds, and an edit shows up on reload without restarting `zeta start`.
 */
async function bundleScript(): Promise<string> {
  const result = await build({
    entryPoints: [SCRIPT_ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * The WhatsApp simulator page at `/sim/`: the HTML (told the business's
 * display number, which WhatsApp puts in `context.from` of a reply), its
 * stylesheets and its script.
 */
export function createSimPage() {
  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' || path.startsWith('/sim/api/')) return false;
    if (path === '/sim') {
      response.writeHead(308, { location: '/sim/' }).end();
      return true;
    }
    if (path === '/sim/' || path === '/sim/index.html') {
      const html = await readFile(`${WEB_DIR}index.html`, 'utf8');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...noStore });
      response.end(html.replaceAll('{{BUSINESS_PHONE}}', LOCAL_DISPLAY_PHONE));
      return true;
    }
    if (path === '/sim/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', ...noStore });
      response.end(await bundleScript());
      return true;
    }
    const stylesheet = STATIC_FILE.exec(path)?.[1];
    if (stylesheet === undefined) return false;
    const css = await readFile(`${WEB_DIR}${stylesheet}`, 'utf8').catch(() => undefined);
    if (css === undefined) return false;
    response.writeHead(200, { 'content-type': 'text/css; charset=utf-8', ...noStore });
    response.end(css);
    return true;
  };
}
