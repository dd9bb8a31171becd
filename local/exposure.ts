import type { IncomingMessage } from 'node:http';

/**
 * What `npm start` lets in from where (DESIGN.md "Exposure"). Meta needs two
 * things from a local run: `/webhook` (signed by Meta, or the handshake with
 * the verify token) and the catalog pictures. Everything else — the simulator
 * API, the SQS, Scheduler and Secrets Manager stand-ins, the Graph stand-in —
 * acts without any credential a stranger lacks, so it answers only requests
 * made on this machine, to this machine's own name, by a tool or by the
 * simulator page itself: never through a tunnel, never from another web page.
 */

/**
 * Routes Meta may reach, as the HTTP API exposes them (their handlers answer
 * other methods themselves): served on the loopback port and, when one is
 * open, on the public port too.
 */
export function isPublicRoute(path: string): boolean {
  return path === '/webhook' || path.startsWith('/catalog/images/');
}

/** Answered on the loopback port whoever asks: the health of the run names nothing and changes nothing. */
const OPEN_ON_LOOPBACK = new Set(['/healthz']);

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Set by the proxies and tunnels a developer might put in front of a run (ngrok, cloudflared, nginx…). */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'cf-connecting-ip', 'true-client-ip'];

/** Bodies a page on another site can send without asking first (CORS "simple" requests). */
const SIMPLE_BODY_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Raw media uploads (`POST /sim/api/media`) carry the file's own type; every other simulator call is JSON. */
const RAW_BODY_PATHS = new Set(['/sim/api/media']);

export interface Refusal {
  status: 403 | 415;
  reason: string;
}

function hostnameOf(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
}

function mediaType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Why a request to a loopback-only route is refused, or undefined when it may
 * go on. The checks, each against a working attack:
 * - a `Host` other than this machine's own name: DNS rebinding, or a tunnel
 *   pointed at the loopback port (tunnels pass the public name on);
 * - proxy headers: a tunnel or reverse proxy that rewrote the Host;
 * - an `Origin` other than the run's own, or `Sec-Fetch-Site: cross-site`: a
 *   page on any site posting to 127.0.0.1 (CSRF);
 * - a state-changing simulator call with a body that is not `application/json`
 *   (or a media upload typed like a form): the only bodies a foreign page can
 *   post without a CORS preflight, which this server never grants.
 */
export function loopbackRefusal(request: IncomingMessage, path: string, ownPort: number): Refusal | undefined {
  if (OPEN_ON_LOOPBACK.has(path)) return undefined;
  const host = request.headers.host ?? '';
  if (!LOOPBACK_HOSTS.has(hostnameOf(host).toLowerCase())) return { status: 403, reason: `not served to host ${host || '(none)'}` };
  const proxied = PROXY_HEADERS.find((name) => request.headers[name] !== undefined);
  if (proxied !== undefined) return { status: 403, reason: `not served through a proxy or tunnel (${proxied})` };
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, ownPort)) return { status: 403, reason: `not served to pages of ${origin}` };
  if (request.headers['sec-fetch-site'] === 'cross-site') return { status: 403, reason: 'not served to other sites' };
  if (path.startsWith('/sim/api/') && STATE_CHANGING.has(request.method ?? '') && hasBody(request)) {
    const type = mediaType(request);
    if (RAW_BODY_PATHS.has(path) ? type === '' || SIMPLE_BODY_TYPES.has(type) : type !== 'application/json') {
      return { status: 415, reason: RAW_BODY_PATHS.has(path) ? 'send the file with its own Content-Type' : 'send application/json' };
    }
  }
  return undefined;
}

/** A body-less POST (`zeta alerts run`'s `POST /sim/api/jobs/alert-checker`) carries nothing to type. */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['content-type'] !== undefined ||
    request.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length !== '0')
  );
}

function isOwnOrigin(origin: string, ownPort: number): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && Number(url.port) === ownPort;
  } catch {
    return false;
  }
}
