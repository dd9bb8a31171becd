import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CloudApiStatus } from '../../functions/webhook/cloudApiWebhook';
import { createGraphStandIn, type FaultInjector, type GraphStandIn, type GraphStandInOptions, type OutboundRecord } from './graphStandIn';

export interface GraphServer {
  baseUrl: string;
  standIn: GraphStandIn;
  outbound: OutboundRecord[];
  statuses: CloudApiStatus[];
  setFaults(faults: FaultInjector | undefined): void;
  /** Every customer is treated as inside the 24-hour window unless told otherwise. */
  lastInbound: Map<string, number>;
  close(): Promise<void>;
}

export const GRAPH_TOKEN = 'test-access-token';
export const PHONE_NUMBER_ID = '100000000000001';

/** The Graph API stand-in on a loopback port, recording what it was sent. */
export async function startGraphServer(
  options: Pick<GraphStandInOptions, 'outsideWindow' | 'templateCategory'> = {},
): Promise<GraphServer> {
  const outbound: OutboundRecord[] = [];
  const statuses: CloudApiStatus[] = [];
  const lastInbound = new Map<string, number>();
  let faults: FaultInjector | undefined;
  let standIn: GraphStandIn | undefined;
  const server: Server = createServer((request, response) => {
    void standIn?.handle(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn = createGraphStandIn({
    apiVersion: 'v26.0',
    accessToken: GRAPH_TOKEN,
    phoneNumberId: PHONE_NUMBER_ID,
    publicBaseUrl: origin,
    onOutbound: (record) => outbound.push(record),
    onStatus: (status) => statuses.push(status),
    lastInboundAt: (waId) => lastInbound.get(waId) ?? Date.now(),
    faults: (request) => faults?.(request),
    ...(options.outsideWindow ? { outsideWindow: options.outsideWindow } : {}),
    ...(options.templateCategory ? { templateCategory: options.templateCategory } : {}),
  });
  return {
    baseUrl: `${origin}/graph`,
    standIn,
    outbound,
    statuses,
    lastInbound,
    setFaults: (next) => {
      faults = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
