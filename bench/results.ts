import type { CatalogResults } from './catalogBench';
import type { ColdStartResults } from './coldStart';
import type { CostResults } from './costBench';
import type { EndToEndResults } from './endToEnd';
import type { FirstMessageResults } from './firstMessage';
import type { Machine } from './machine';
import type { RoutingRun } from './routingBench';
import type { WebhookVariant } from './webhookBench';

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  machine: Machine;
  webhook: WebhookVariant[];
  /** Every function's bundle and module init, at the baseline commit and now. */
  coldStart: ColdStartResults;
  /** A new customer's first message to a freshly started consumer and to a warm one, as deployed, at the baseline commit and now. */
  firstMessage: FirstMessageResults;
  catalog: CatalogResults;
  endToEnd: EndToEndResults;
  /** Every text to the model: our design against the spec's, call for call. */
  cost: CostResults;
  /** As deployed (AI_ROUTING=confident): plain requests and confident follow-ups answered offline. */
  routedCost: CostResults;
  /** The evaluation's dialogues under each routing: what the model is asked, what it costs, what is right. */
  routing: RoutingRun[];
}
