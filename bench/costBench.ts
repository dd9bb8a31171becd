import { embeddedCatalog } from '../local/embeddedCatalog';
import { bundledPricing } from '../functions/adapters/cost/bundledPricing';
import type { Costs } from '../functions/domain/cost/costComponents';
import { buildCostReport } from '../functions/domain/cost/costReport';
import { utcDay } from '../functions/domain/cost/days';
import { parseLedgerRow } from '../functions/domain/cost/ledgerRowSchema';
import type { LedgerRow } from '../functions/domain/cost/ledgerRow';
import { rateCardOn } from '../functions/domain/cost/priceLookup';
import { makeAudioFixtures } from '../test/media/audioFixtures';
import { furnitureResponder, startFakeOpenAiServer } from '../test/support/fakeOpenAiServer';
import { chat, startZeta } from '../test/support/runningZeta';
import { customerName, runMixedConversations, type ScriptedTurn } from './mixedConversation';
import { compareWithSpecDesign, type ModelCall, type SpecComparison } from './specDesignCost';

export interface CostResults {
  /** AI_ROUTING of the run: `confident` as deployed, `model` for every text (the spec's design has no routing). */
  routing: 'confident' | 'plain' | 'model';
  /** Chat completions the run asked the model for. */
  modelCalls: number;
  customers: number;
  /** Customer messages answered (the cost report's messages in). */
  turns: number;
  turnsByKind: Record<ScriptedTurn['kind'], number>;
  alertsFired: number;
  invocations: number;
  totalUsd: number;
  components: Costs;
  perThousandTurnsUsd: number;
  spec: SpecComparison;
  /** Replies and notifications sent: what WhatsApp would bill if service messages were charged. */
  outboundMessages: number;
  /** The pricing file's KZ service rate from 2026-10-01 (unconfirmed), per message. */
  kzServiceRateUsd: number;
  pricingVersion: string;
}

const CUSTOMERS = 60;
const TRANSCRIPT = 'Покажите серый диван до 300 тысяч';
const CHAT_MODEL = 'gpt-4o-mini';
const TRANSCRIBE_MODEL = 'gpt-4o-mini-transcribe';
const REGION = 'us-east-1';

async function post(url: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The queue is empty and the ledger has stopped growing: every invocation, statuses too, has its row. */
async function settledLedger(url: string, from: string, to: string): Promise<LedgerRow[]> {
  let previous = -1;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const health = (await (await fetch(`${url}/healthz`)).json()) as { queue: { total: number } };
    const rows = ((await (await fetch(`${url}/sim/api/cost/ledger?from=${from}&to=${to}`)).json()) as unknown[]).map(parseLedgerRow);
    if (health.queue.total === 0 && rows.length === previous) return rows;
    previous = rows.length;
    await sleep(500);
  }
  throw new Error('the ledger never settled');
}

/**
 * Dollars per 1,000 customer messages from the cost ledger of `npm start`
 * with the OpenAI path (a fake model that reports realistic token usage and
 * caching), for a scripted mix of texts, list taps, voice notes and price
 * alerts; and the same run priced as the spec's design would be (meaningful
 * for a run with every text sent to the model, as the spec's design does).
 */
export async function benchCost(routing: CostResults['routing']): Promise<CostResults> {
  const calls: ModelCall[] = [];
  const openAi = await startFakeOpenAiServer({
    defaultResponder: (request) => {
      calls.push({ request, at: Date.now() });
      return furnitureResponder(request);
    },
    defaultTranscript: { text: TRANSCRIPT, language: 'russian', duration: 4.2 },
  });
  const audio = await makeAudioFixtures();
  const zeta = await startZeta({
    OPENAI_API_KEY: 'bench',
    OPENAI_BASE_URL: openAi.baseURL,
    OPENAI_MODEL: CHAT_MODEL,
    TRANSCRIBE_MODEL,
    AI_DAILY_BUDGET_USD: '1000',
    AI_ROUTING: routing,
    LOG_LEVEL: 'ERROR',
  });
  try {
    const from = utcDay(Date.now());
    const { turns, watched } = await runMixedConversations({
      url: zeta.url,
      customers: CUSTOMERS,
      transcript: TRANSCRIPT,
      voiceNote: audio.ogg,
      parallel: 4,
    });
    // The watched prices drop by a tenth; the daily check tells each watcher, inside their open window.
    const drops = Object.fromEntries(
      watched.map((id) => [
        id,
        Math.round(
          ((embeddedCatalog()
            .all()
            .find((product) => product.id === id)?.price ?? 0) *
            0.9) /
            10,
        ) * 10,
      ]),
    );
    await post(zeta.url, '/sim/api/catalog/prices', drops);
    const job = (await post(zeta.url, '/sim/api/jobs/alert-checker', {})) as { report: { fired: number } };
    const rows = await settledLedger(zeta.url, from, utcDay(Date.now()));

    const pricing = bundledPricing();
    const report = buildCostReport(rows, pricing, { from, to: utcDay(Date.now()) });
    const customerOfName = new Map(
      Array.from({ length: CUSTOMERS }, (_, index) => [customerName(index), `7709${String(index).padStart(7, '0')}`]),
    );
    const spec = compareWithSpecDesign(calls, turns, customerOfName, rows, pricing, {
      region: REGION,
      transcript: TRANSCRIPT,
      chatModel: CHAT_MODEL,
      transcribeModel: TRANSCRIBE_MODEL,
    });
    let outboundMessages = 0;
    for (const waId of customerOfName.values())
      outboundMessages += (await chat(zeta.url, waId)).filter((line) => line.direction === 'out').length;
    const turnsByKind = { text: 0, tap: 0, voice: 0, watch: 0 };
    for (const turn of turns) turnsByKind[turn.kind] += 1;
    return {
      routing,
      modelCalls: calls.length,
      customers: CUSTOMERS,
      turns: report.messagesIn,
      turnsByKind,
      alertsFired: job.report.fired,
      invocations: report.invocations,
      totalUsd: report.totalUsd,
      components: report.components,
      perThousandTurnsUsd: report.perThousandMessagesUsd ?? Number.NaN,
      spec,
      outboundMessages,
      kzServiceRateUsd: rateCardOn(pricing, 'KZ', Date.now())?.service ?? Number.NaN,
      pricingVersion: pricing.version,
    };
  } finally {
    await zeta.stop();
    await Promise.all([openAi.close(), audio.remove()]);
  }
}
