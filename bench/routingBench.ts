import { fileURLToPath } from 'node:url';
import { embeddedCatalog } from '../local/embeddedCatalog';
import { DEFAULT_SET, loadDialogues } from '../eval/dialogueSet';
import { runEval, share } from '../eval/runEval';
import { furnitureResponder, startFakeOpenAiServer, type ChatRequestBody } from '../test/support/fakeOpenAiServer';

export type Routing = 'model' | 'plain' | 'confident';

export interface RoutingRun {
  routing: Routing;
  turns: number;
  followUps: number;
  /** Follow-up turns answered right by the evaluation's checks. */
  followUpsRight: number;
  /** Turns the model was asked about (a turn's first request), and every request (tool rounds included). */
  modelTurns: number;
  modelCalls: number;
  openAiUsd: number;
  totalUsd: number;
  perThousandTurnsUsd: number;
}

const ROUTINGS: readonly Routing[] = ['model', 'plain', 'confident'];

/** A turn's first request ends with the customer's words; the rounds after it end with tool results. */
const startsTurn = (request: ChatRequestBody) => request.messages.at(-1)?.role === 'user';

/**
 * The evaluation's dialogues in OpenAI mode (the consumer as deployed, the
 * fake OpenAI-compatible server reporting realistic token usage and caching),
 * once per routing: every text to the model, plain requests offline (the
 * routing before follow-ups), and plain requests plus the follow-ups the
 * offline assistant resolves with confidence (as deployed). Cost from the
 * cost ledger, as `zeta cost report` reads it.
 */
export async function benchRouting(): Promise<RoutingRun[]> {
  const dialogues = await loadDialogues(fileURLToPath(DEFAULT_SET));
  const products = embeddedCatalog().all();
  const runs: RoutingRun[] = [];
  for (const routing of ROUTINGS) {
    const requests: ChatRequestBody[] = [];
    const server = await startFakeOpenAiServer({
      defaultResponder: (request) => {
        requests.push(request);
        return furnitureResponder(request);
      },
    });
    try {
      const report = await runEval(dialogues, { products, model: { apiKey: 'bench', baseUrl: server.baseURL, routing } });
      runs.push({
        routing,
        turns: report.turns.length,
        followUps: report.followUps.total,
        followUpsRight: report.followUps.right,
        modelTurns: requests.filter(startsTurn).length,
        modelCalls: requests.length,
        openAiUsd: report.cost.openAiUsd,
        totalUsd: report.cost.totalUsd,
        perThousandTurnsUsd: report.cost.messagesIn > 0 ? (report.cost.totalUsd * 1000) / report.cost.messagesIn : Number.NaN,
      });
    } finally {
      await server.close();
    }
  }
  return runs;
}

export const followUpShare = (run: RoutingRun) => share({ right: run.followUpsRight, total: run.followUps });
