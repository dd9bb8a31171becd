import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { GraphClient } from '../../functions/adapters/whatsapp/graphClient';
import type { CloudApiStatus } from '../../functions/webhook/cloudApiWebhook';
import { createGraphStandIn, type GraphStandIn, type GraphStandInOptions, type OutboundRecord } from '../../local/graph/graphStandIn';

/** The Graph API stand-in on its own HTTP server, with a client for it: for tests of the stand-in itself. */
export const TOKEN = 'local-token';
export const PHONE_ID = '100000000000001';
export const CUSTOMER = '77011234567';
export const HOUR = 60 * 60 * 1000;
export const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

export interface StandInHarness {
  origin: string;
  standIn: GraphStandIn;
  client: GraphClient;
  outbound: OutboundRecord[];
  statuses: CloudApiStatus[];
  lastInbound: Map<string, number>;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

export async function startStandIn(overrides: Partial<GraphStandInOptions> = {}): Promise<StandInHarness> {
  const outbound: OutboundRecord[] = [];
  const statuses: CloudApiStatus[] = [];
  const lastInbound = new Map<string, number>([[CUSTOMER, NOW - HOUR]]);
  let standIn: GraphStandIn | undefined;
  // Mounted the way the local server mounts it: the stand-in first, everything else after.
  const httpServer = createServer(async (req, res) => {
    try {
      if (!(await standIn!.handle(req, res))) res.writeHead(404).end();
    } catch (error) {
      res.writeHead(599).end(String(error));
    }
  });
  server = httpServer;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  standIn = createGraphStandIn({
    apiVersion: 'v26.0',
    accessToken: TOKEN,
    phoneNumberId: PHONE_ID,
    publicBaseUrl: origin,
    now: () => NOW,
    onOutbound: (record) => outbound.push(record),
    onStatus: (status) => statuses.push(status),
    lastInboundAt: (waId) => lastInbound.get(waId),
    statusDelaysMs: { sent: 1, delivered: 5 },
    ...overrides,
  });
  const client = new GraphClient({
    baseUrl: `${origin}/graph`,
    apiVersion: 'v26.0',
    accessToken: TOKEN,
    phoneNumberId: PHONE_ID,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    timeoutMs: 1_000,
  });
  return { origin, standIn, client, outbound, statuses, lastInbound };
}
