import type { Placement } from './specDesignCost';
import type { BenchResults } from './results';
import { followUpShare, type RoutingRun } from './routingBench';
import { kib, ms } from './stats';

/** Targets from the issue "Reliability, security and performance, measured", and issue 19 (cold starts). */
const TARGETS = {
  webhookP99Ms: 2,
  webhookBundleBytes: 300 * 1024,
  webhookInitMs: 120,
  consumerBundleBytes: 800 * 1024,
  consumerInitMs: 200,
  jobsInitMs: 150,
  coldFirstMessageRatio: 1.5,
  searchP99Ms: 5,
  endToEndP99Ms: 100,
  costSaving: 0.3,
};

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
    '\n',
  );
}

const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const RUNTIME_NOTE = "the function's environment, NODE_OPTIONS included; the previous major from the registry's node package";
const usd = (value: number, digits = 4) => `$${value.toFixed(digits)}`;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what} in the results`);
  return value;
}

/** docs/bench/REPORT.md: the figures of one run, each target met or missed, and why. */
export function renderReport(results: BenchResults): string {
  const { machine, webhook, coldStart, catalog, endToEnd, cost, routedCost } = results;
  const deployed = required(
    webhook.find((variant) => variant.name.startsWith('webhook as deployed') && variant.messagesPerBody === 1),
    'deployed webhook',
  );
  const noLedger = required(
    webhook.find((variant) => variant.name.includes('no ledger')),
    'webhook without ledger',
  );
  const stubbed = required(
    webhook.find((variant) => variant.name.includes('stubbed')),
    'stubbed webhook',
  );
  const coldOf = (name: string) =>
    required(
      coldStart.functions.find((fn) => fn.name === name),
      `${name} cold starts`,
    );
  const webhookCold = coldOf('webhook');
  const consumerCold = coldOf('consumer');
  const firstNow = required(
    results.firstMessage.runs.find((run) => run.variant === 'now'),
    'first message now',
  );
  const firstBaseline = results.firstMessage.runs.find((run) => run.variant === 'baseline');
  const ratio = (run: { cold: { p50: number }; warm: { p50: number } }) => run.cold.p50 / run.warm.p50;
  const largest = required(catalog.sizes.at(-1), 'catalog size');
  const ourTotal = cost.totalUsd;
  const specTotal = (placement: Placement) =>
    ourTotal + cost.spec.deltaUsd.chat[placement] + cost.spec.deltaUsd.whisper + cost.spec.deltaUsd.x86;
  const placements = Object.keys(cost.spec.deltaUsd.chat) as Placement[];
  const saving = (placement: Placement) => 1 - ourTotal / specTotal(placement);
  const perThousand = (total: number) => (total * 1000) / cost.turns;
  const bestSaving = Math.max(...placements.map(saving));
  const worstSaving = Math.min(...placements.map(saving));
  // Per 1,000 turns, so that the two runs compare even if a turn more or less was answered in one of them.
  const routedPerThousand = (routedCost.totalUsd * 1000) / routedCost.turns;
  const routedSaving = (placement: Placement) => 1 - routedPerThousand / perThousand(specTotal(placement));
  const worstRoutedSaving = Math.min(...placements.map(routedSaving));
  const routedPerThousandOf = (value: number) => (value * 1000) / routedCost.turns;
  const calls = cost.spec.calls;
  const sum = (pick: (call: (typeof calls)[number]) => number) => calls.reduce((total, call) => total + pick(call), 0);
  const whatsappExtra = cost.outboundMessages * cost.kzServiceRateUsd;

  const sections: string[] = [];
  sections.push(`# ZETA Assistant: measured

Written by \`npm run bench\` (bench/run.ts) on ${machine.at.slice(0, 16).replace('T', ' ')} UTC: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}. One run; every figure below comes from it. This is a shared virtual machine: the same code measures up to about 40% slower from one hour to the next (the webhook's module init, unchanged, has read 151 ms and 213 ms at p50), so a figure within that margin of its target is borderline whichever side it falls. The reliability suite is separate: \`npm run test:reliability\` (see test/reliability).`);

  sections.push(`## Targets

${table(
  ['target', 'measured', 'verdict'],
  [
    [
      `webhook p99 under ${TARGETS.webhookP99Ms} ms in-process`,
      `${ms(deployed.timing.p99)} as deployed (${ms(noLedger.timing.p99)} without the ledger row; ${ms(stubbed.timing.p99)} for the handler's own work)`,
      verdict(deployed.timing.p99 < TARGETS.webhookP99Ms),
    ],
    [
      `webhook bundle at most ${kib(TARGETS.webhookBundleBytes)}`,
      `${kib(webhookCold.now.bytes)} (${kib(webhookCold.now.gzipBytes)} gzip; baseline ${kib(webhookCold.baseline.bytes)})`,
      verdict(webhookCold.now.bytes <= TARGETS.webhookBundleBytes),
    ],
    [
      `webhook module init p50 at most ${TARGETS.webhookInitMs} ms`,
      `${ms(webhookCold.now.init.p50)}, p99 ${ms(webhookCold.now.init.p99)} (baseline ${ms(webhookCold.baseline.init.p50)}, ${ms(webhookCold.baseline.init.p99)})`,
      verdict(webhookCold.now.init.p50 <= TARGETS.webhookInitMs),
    ],
    [
      `consumer bundle at most ${kib(TARGETS.consumerBundleBytes)}`,
      `${kib(consumerCold.now.bytes)} loaded at a cold start, ${kib(consumerCold.now.lazyBytes)} more on the first model, voice or photo turn (baseline ${kib(consumerCold.baseline.bytes)}, all at the cold start)`,
      verdict(consumerCold.now.bytes <= TARGETS.consumerBundleBytes),
    ],
    [
      `consumer module init p50 at most ${TARGETS.consumerInitMs} ms`,
      `${ms(consumerCold.now.init.p50)}, p99 ${ms(consumerCold.now.init.p99)} (baseline ${ms(consumerCold.baseline.init.p50)}, ${ms(consumerCold.baseline.init.p99)})`,
      verdict(consumerCold.now.init.p50 <= TARGETS.consumerInitMs),
    ],
    ...(['alertChecker', 'catalogImages'] as const).map((name) => {
      const fn = coldOf(name);
      return [
        `${name} module init p50 at most ${TARGETS.jobsInitMs} ms`,
        `${ms(fn.now.init.p50)}, p99 ${ms(fn.now.init.p99)} (baseline ${ms(fn.baseline.init.p50)}, ${ms(fn.baseline.init.p99)})`,
        verdict(fn.now.init.p50 <= TARGETS.jobsInitMs),
      ];
    }),
    [
      `a first message to a freshly started consumer within ${TARGETS.coldFirstMessageRatio}× of a warm one`,
      `${ratio(firstNow).toFixed(2)}×: p50 ${ms(firstNow.cold.p50)} against ${ms(firstNow.warm.p50)}${firstBaseline ? ` (baseline ${ratio(firstBaseline).toFixed(2)}×: ${ms(firstBaseline.cold.p50)} against ${ms(firstBaseline.warm.p50)})` : ''}`,
      verdict(ratio(firstNow) <= TARGETS.coldFirstMessageRatio),
    ],
    [
      `catalog search p99 under ${TARGETS.searchP99Ms} ms at 100k products`,
      `${ms(largest.search.p99)} per query (${ms(largest.turnSearch.p99)} with the turn's relaxing)`,
      verdict(largest.turnSearch.p99 < TARGETS.searchP99Ms),
    ],
    [
      `end to end p99 under ${TARGETS.endToEndP99Ms} ms locally`,
      `${ms(endToEnd.idle.latency.p99)} one message at a time (p50 ${ms(endToEnd.idle.latency.p50)})`,
      verdict(endToEnd.idle.latency.p99 < TARGETS.endToEndP99Ms),
    ],
    [
      `cost per 1,000 turns at least ${percent(TARGETS.costSaving)} below the spec's design`,
      `as deployed ${usd(routedPerThousand)} vs ${placements.map((placement) => `${usd(perThousand(specTotal(placement)))} (${placement}: ${percent(routedSaving(placement))} less)`).join(', ')}; with every text sent to the model ${usd(perThousand(ourTotal))} (${placements.map((placement) => `${percent(saving(placement))}`).join(', ')} less)`,
      verdict(worstRoutedSaving >= TARGETS.costSaving),
    ],
  ],
)}`);

  sections.push(`## Webhook handler, in-process

One message per call unless the row says ten, timed per message over ${deployed.timing.count} calls after a warm-up, variants interleaved in blocks. The endpoints are the ones \`npm start\` uses, in this process: the in-process SQS FIFO queue behind the SQS JSON protocol on loopback, and dynalite; their work is part of every wait.

${table(
  ['variant', 'what one call does', 'p50', 'p99', 'mean'],
  webhook.map((variant) => [variant.name, variant.does, ms(variant.timing.p50), ms(variant.timing.p99), ms(variant.timing.mean)]),
)}

- The handler's own work is well inside the target: ${ms(stubbed.timing.p99)} at p99 for middy, Powertools, the HMAC over the raw bytes and the zod schemas. The target is ${deployed.timing.p99 < TARGETS.webhookP99Ms ? 'met' : 'missed'} once I/O is counted: the SQS call (the SDK's serialisation, signing and checksum, and a loopback HTTP round trip) brings p50 to ${ms(noLedger.timing.p50)}, and the cost-ledger row another ${ms(deployed.timing.p50 - noLedger.timing.p50)} at p50 (pricing the invocation, then a PutItem to dynalite). In Lambda both are network calls to AWS, so no in-process figure stands for them there.
- The ledger row is written in middy's \`after\` hook, before the Lambda returns: Meta waits for it, and Lambda bills it. It is one write per invocation, not per message: with ten messages in a body it costs a tenth per message.
- The naive baseline is about as fast for a single message, because it does less: it skips the logger, metrics and cost accounting, and its single SendMessage answers a smaller response. It is also wrong: it checks the signature over re-serialised JSON, which fails whenever Meta escapes a character differently from JSON.stringify. With ten messages in one body, one SendMessageBatch beats ten SendMessage calls (see the last two rows).`);

  sections.push(coldStartSection(results));

  sections.push(`## Catalog search

Products synthesised from data/catalog.json (each copy with its own id, a model line in its name, a price within ±25%, sometimes another colour); ${catalog.queries} queries read by the offline understanding from the labelled customer messages with a product in mind, each run 5 times.

${table(
  ['products', 'index build', 'search p50', 'search p99', 'turn search p50', 'turn search p99'],
  catalog.sizes.map((size) => [
    size.products.toLocaleString('en-US'),
    ms(size.buildMs),
    ms(size.search.p50),
    ms(size.search.p99),
    ms(size.turnSearch.p50),
    ms(size.turnSearch.p99),
  ]),
)}

"Search" is one \`CatalogIndex.search\`; "turn search" is \`ShoppingTools.searchProducts\`, which searches again with relaxed filters when nothing matches, as a customer's turn does.`);

  sections.push(`## End to end through \`npm start\`

\`zeta start\` as its own process, offline assistant, in memory. Latency is from just before the webhook POST to the answer reaching the Graph API stand-in, by the stand-in's clock (same machine).

${table(
  ['load', 'messages', 'throughput', 'p50', 'p99', 'max'],
  [
    [
      'one message at a time, each from a new customer',
      String(endToEnd.idle.messages),
      '—',
      ms(endToEnd.idle.latency.p50),
      ms(endToEnd.idle.latency.p99),
      ms(endToEnd.idle.latency.max),
    ],
    [
      `${endToEnd.saturated.customers} customers writing 10 messages each, as fast as the webhook takes them`,
      String(endToEnd.saturated.messages),
      `${endToEnd.saturated.messagesPerSecond.toFixed(1)} messages/s (${endToEnd.saturated.seconds.toFixed(1)} s)`,
      ms(endToEnd.saturated.latency.p50),
      ms(endToEnd.saturated.latency.p99),
      ms(endToEnd.saturated.latency.max),
    ],
  ],
)}

Under saturation the latency is the queue's wait: everything runs in one Node process (dynalite, the queue, the consumer with five concurrent invocations, the Graph stand-in, the status webhooks each answer causes), so throughput is bounded by one core. A message costs about ten DynamoDB calls and three SQS sends (the message and the answer's two statuses).`);

  const chatDelta = (placement: Placement) => cost.spec.deltaUsd.chat[placement];
  sections.push(`## Cost per 1,000 conversation turns

A scripted day through \`npm start\` with the OpenAI path (a fake OpenAI server that reports token usage at four characters a token and prompt caching as OpenAI does): ${cost.customers} customers; ${cost.turns} customer messages answered (${cost.turnsByKind.text} texts, ${cost.turnsByKind.tap} list taps, ${cost.turnsByKind.voice} voice notes, ${cost.turnsByKind.watch} price watches), then a price drop and the daily check (${cost.alertsFired} alerts sent). Priced from the cost ledger (pricing ${cost.pricingVersion}), fixed monthly items apart. The day runs twice: as deployed (\`AI_ROUTING=confident\`: greetings, short searches that name a category and the follow-ups the offline assistant resolves with confidence are answered by it, ${routedCost.modelCalls} model calls, ${routedCost.invocations} invocation rows) and with every text sent to the model (\`AI_ROUTING=model\`, as the spec's design does: ${cost.modelCalls} model calls, ${cost.invocations} invocation rows).

${table(
  ['component', 'as deployed', 'per 1,000 turns', 'every text to the model', 'per 1,000 turns'],
  Object.entries(cost.components).map(([component, value]) => {
    const routed = routedCost.components[component as keyof typeof routedCost.components];
    return [component, usd(routed, 6), usd(routedPerThousandOf(routed)), usd(value, 6), usd(perThousand(value))];
  }),
)}
| **total** | **${usd(routedCost.totalUsd, 6)}** | **${usd(routedPerThousand)}** | **${usd(ourTotal, 6)}** | **${usd(perThousand(ourTotal))}** |

The script's texts are the requests customers open with («Здравствуйте! Ищу серый диван до 300 тысяч», «а ещё покажите стулья») and «спасибо!», all answered offline as deployed; every voice note's transcript goes to the model or the offline assistant by the same rule. The next section measures routing on dialogues with follow-ups; the \`PlainRequestAnsweredOffline\` and \`FollowUpAnsweredOffline\` metrics count the offline share in production.

### Against the spec's design

The spec's design, priced from the run with every text sent to the model: the same model calls, each sending the last 10 WhatsApp messages as the customer saw them (full lists and cards, not the assistant's compact memory of ten entries) in one system prompt that also holds the customer's preferences; whisper-1 for voice; x86 Lambda. Both designs' calls are re-priced with the same prompt-cache model (128-token blocks from the start of the prompt, from 1,024 tokens), so only the design differs. Where the spec puts the preferences in its system prompt decides how much of its prompt is shared by everyone, so both readings are shown.

${table(
  ['', 'our design', ...placements.map((placement) => `spec, ${placement}`)],
  [
    [
      'prompt tokens per call (mean)',
      (sum((call) => call.ourPrompt) / calls.length).toFixed(0),
      ...placements.map((placement) => (sum((call) => call.spec[placement].prompt) / calls.length).toFixed(0)),
    ],
    [
      'of which cached',
      (sum((call) => call.ourCached) / calls.length).toFixed(0),
      ...placements.map((placement) => (sum((call) => call.spec[placement].cached) / calls.length).toFixed(0)),
    ],
    [
      'history tokens per call (mean)',
      (sum((call) => call.ourHistory) / calls.length).toFixed(0),
      ...placements.map(() => (sum((call) => call.specHistory) / calls.length).toFixed(0)),
    ],
    ['chat model input, extra', '—', ...placements.map((placement) => usd(chatDelta(placement), 6))],
    [
      `speech to text, extra (${cost.spec.audioSeconds.toFixed(0)} s of audio at $0.006/min instead of $0.003/min)`,
      '—',
      ...placements.map(() => usd(cost.spec.deltaUsd.whisper, 6)),
    ],
    [`Lambda on x86, extra (${cost.spec.lambdaGbSeconds.toFixed(1)} GB-s)`, '—', ...placements.map(() => usd(cost.spec.deltaUsd.x86, 6))],
    ['total', usd(ourTotal, 6), ...placements.map((placement) => usd(specTotal(placement), 6))],
    ['per 1,000 turns', usd(perThousand(ourTotal)), ...placements.map((placement) => usd(perThousand(specTotal(placement))))],
    ['our design is cheaper by', '', ...placements.map((placement) => percent(saving(placement)))],
  ],
)}

Assumptions: the model calls, their answers and output tokens are the same in both designs (only input changes); ${calls.length} calls were tied to their customer and message${cost.spec.unmatched > 0 ? ` (${cost.spec.unmatched} could not be and are left out)` : ''}; the 10 messages are the chat lines before the message, as shown in WhatsApp (a voice note as its transcript); cache entries do not expire within the run; the local Lambda durations stand for Lambda's; WhatsApp charges are the same for both designs (the same messages go out).

As deployed, the day costs ${placements.map((placement) => `${percent(routedSaving(placement))} less than the spec's design (${placement})`).join(' and ')}: the target is ${worstRoutedSaving >= TARGETS.costSaving ? 'met under both readings' : 'missed'}.

${
  worstSaving >= TARGETS.costSaving
    ? 'Call for call, with every text sent to the model, the design alone meets it too.'
    : `Call for call, with every text sent to the model, the design alone saves ${percent(worstSaving)} to ${percent(bestSaving)}: ${bestSaving >= TARGETS.costSaving ? "enough only if the spec put the customer's context before the instructions" : 'not enough under either reading'}. Why: every call carries the same instructions and tool schemas (most of its ${(sum((call) => call.ourPrompt) / calls.length).toFixed(0)} tokens), and OpenAI caches a shared prefix whoever wrote it; our design keeps that prefix byte-identical for every customer, the spec's keeps it only if the per-customer part comes after. The history difference is small in shopping conversations of a few turns (${(sum((call) => call.specHistory - call.ourHistory) / calls.length).toFixed(0)} tokens a call here), and voice and x86 are small absolute sums.`
}

Sensitivity: resellers report that from 1 Oct 2026 Meta bills replies inside the window at the utility rate (KZ ${usd(cost.kzServiceRateUsd)} a message, unconfirmed in data/pricing.json; the local Graph stand-in reports them free, as Meta's page still says). The ${cost.outboundMessages} messages sent here would then add ${usd(whatsappExtra)} (${usd(perThousand(whatsappExtra))} per 1,000 turns) to both designs, and WhatsApp would be ${percent(whatsappExtra / (routedCost.totalUsd + whatsappExtra))} of our bill as deployed.`);

  sections.push(routingSection(results));

  return `${sections.join('\n\n')}\n`;
}

/** Bundles, module init and a first message, beside the baseline commit's (issue 19). */
function coldStartSection({ coldStart, firstMessage }: BenchResults): string {
  const change = (before: number, after: number) => `${after < before ? '−' : '+'}${percent(Math.abs(after - before) / before)}`;
  const spread = (timing: { p50: number; p99: number }) => `${ms(timing.p50)} (p99 ${ms(timing.p99)})`;
  const names = coldStart.runtimes.flatMap((runtime) => Object.keys(runtime.init));
  const runtimeNames = [...new Set(names)];
  return `## Cold starts: baseline and now

Both stacks are synthesized in this run: now, from this working tree; the baseline, ${coldStart.baseline}, by that commit's own code (its sources from \`git archive\`, this checkout's node_modules; \`BENCH_BASELINE=<ref>\` picks another). Every figure comes from the bundles in each cdk.out, the files that deploy. Module init is timed at ${coldStart.runs} cold starts of each function: a fresh process of the Node.js major of the function's runtime in its template (the baseline on Node 22, now on Node 24) with the template's environment, \`NODE_OPTIONS=--enable-source-maps\` included, timing the import of the handler module as Lambda's runtime does it; the two variants and all functions take turns one cold start at a time so that drift hits them alike. Lambda's Init Duration adds the runtime's own start (a bare \`node -e 0\` takes ${ms(coldStart.nodeStart.p50)} here).

${table(
  ['function', 'runtime', 'loaded at a cold start', 'on first use', 'gzip', 'module init p50 (p99)', 'change at p50'],
  coldStart.functions.flatMap((fn) => [
    [
      `${fn.name}, baseline`,
      fn.baseline.runtime,
      kib(fn.baseline.bytes),
      fn.baseline.lazyBytes > 0 ? kib(fn.baseline.lazyBytes) : '—',
      kib(fn.baseline.gzipBytes),
      spread(fn.baseline.init),
      '',
    ],
    [
      `**${fn.name}, now**`,
      fn.now.runtime,
      kib(fn.now.bytes),
      fn.now.lazyBytes > 0 ? kib(fn.now.lazyBytes) : '—',
      kib(fn.now.gzipBytes),
      spread(fn.now.init),
      change(fn.baseline.init.p50, fn.now.init.p50),
    ],
  ]),
)}

"On first use" is code the function loads with \`import()\` when a feature first needs it (esbuild's code splitting): the consumer's model path (the OpenAI SDK, the tools' schemas, voice notes and photos) and the S3 client that reads the catalog object or stages media; the rest is parts of the AWS SDK that Node never loads.

The same bundles (now) imported by a fresh process of each Node.js major (${RUNTIME_NOTE}):

${table(
  ['runtime', ...runtimeNames.map((name) => `${name} init p50 (p99)`)],
  coldStart.runtimes.map((runtime) => [
    runtime.node,
    ...runtimeNames.map((name) =>
      runtime.init[name as keyof typeof runtime.init] ? spread(runtime.init[name as keyof typeof runtime.init]!) : '—',
    ),
  ]),
)}

### What fills the bundles now

Bytes per package (or project folder), every module of the bundle (esbuild metafile):

${table(
  ['consumer', 'bytes', 'webhook', 'bytes'],
  Array.from({ length: 12 }, (_, index) => {
    const consumer = coldStart.composition.consumer?.[index];
    const webhook = coldStart.composition.webhook?.[index];
    return [consumer?.[0] ?? '', consumer ? kib(consumer[1]) : '', webhook?.[0] ?? '', webhook ? kib(webhook[1]) : ''];
  }),
)}

### A first message to a freshly started consumer

End to end through the as-deployed mode: the simulator's POST of «Здравствуйте! Ищу серый диван до 300 тысяч» from a new customer to the answer's arrival at the Graph API stand-in, through the webhook's environment, the queue, the event source and the consumer's environment, every AWS call IAM-checked by the front door, ${firstMessage.rounds} rounds per variant. Cold: all the consumer's environments were reclaimed first, so a new one starts for the message (module init, then the first invocation's work: the secret, the catalog — now the deployed object, read from the catalog bucket — and the first calls of each client). Warm: the next new customer, on the environment that just answered. Started: a new environment whose init ran before the message arrived (as provisioned concurrency would have it), so only the first invocation's own work differs from warm. Both stacks run side by side and take turns. The environments are worker threads of one process (local/asDeployed/functionInstances.ts): their module init is not a fresh process's, so the table above is the measure of init, and this one of the whole answer.

${table(
  ['variant', 'cold p50 (p99)', 'started p50 (p99)', 'warm p50 (p99)', 'cold / warm at p50', 'consumer module init at those cold starts'],
  firstMessage.runs.map((run) => [
    run.variant,
    spread(run.cold),
    spread(run.fresh),
    spread(run.warm),
    `${(run.cold.p50 / run.warm.p50).toFixed(2)}×`,
    spread(run.init),
  ]),
)}

${firstMessage.runs
  .filter((run) => run.variant === 'now')
  .map(
    (run) =>
      `Now, a cold answer's ${ms(run.cold.p50)} at p50 is the consumer's module init (${ms(run.init.p50)}), the first invocation's own work (${ms(Math.max(0, run.fresh.p50 - run.warm.p50))} more than a warm turn: the secret, the catalog object read and indexed, the first call of each client, code not yet compiled), a warm turn (${ms(run.warm.p50)}) and the start of the environment itself (the rest, ${ms(Math.max(0, run.cold.p50 - run.init.p50 - run.fresh.p50))}). A warm turn here has no network between the functions, DynamoDB and the Graph API, so any cold start is a large multiple of it: the ratio is stricter than it would be in AWS, where the same work adds to a turn that waits on the network. The baseline's first invocation did less (${firstMessage.runs
        .filter((other) => other.variant === 'baseline')
        .map((other) => ms(Math.max(0, other.fresh.p50 - other.warm.p50)))
        .join(
          '',
        )} more than warm) because its catalog was compiled into the bundle and indexed during init; now the catalog is the deployed object, read at the first use, so an environment started ahead of a message (provisioned concurrency) answers its first one later than before, and a cold start still sooner.`,
  )
  .join('')}`;
}

/** The evaluation's dialogues under each routing: follow-ups kept off the model, what that saves, and what stays right. */
function routingSection({ routing }: BenchResults): string {
  const label: Record<RoutingRun['routing'], string> = {
    model: 'every text to the model (`AI_ROUTING=model`)',
    plain: 'plain requests offline (`AI_ROUTING=plain`, the routing before follow-ups)',
    confident: 'plain requests and confident follow-ups offline (`AI_ROUTING=confident`, as deployed)',
  };
  const rows = routing.map((run) => [
    label[run.routing],
    `${run.modelTurns} of ${run.turns} (${percent(run.modelTurns / run.turns)})`,
    String(run.modelCalls),
    usd(run.openAiUsd, 6),
    usd(run.perThousandTurnsUsd),
    `${percent(followUpShare(run))} (${run.followUpsRight}/${run.followUps})`,
  ]);
  const plain = routing.find((run) => run.routing === 'plain');
  const confident = routing.find((run) => run.routing === 'confident');
  const saved = plain && confident && plain.modelTurns > 0 ? 1 - confident.modelTurns / plain.modelTurns : undefined;
  return `## Routing follow-ups offline

The evaluation's dialogues (\`zeta eval\`, eval/dialogues) through the consumer as deployed in OpenAI mode, against the fake OpenAI-compatible server (it reports realistic token usage and caching, and answers by simple rules: a search for a named section, otherwise a greeting), once per routing. Cost from the cost ledger, fixed monthly items apart; "right" is the evaluation's own check of each follow-up turn.

${table(['routing', 'turns sent to the model', 'model requests', 'OpenAI', 'per 1,000 turns', 'follow-ups right'], rows)}

${saved === undefined ? '' : `Against the routing before it, confident follow-ups take ${percent(saved)} of the turns off the model. `}The offline answers to those turns are the exact ones the evaluation checks (products from the catalog, facts from the product and the store); the fake model stands in for gpt-4o-mini's cost, not for its judgement, so the "every text to the model" row's accuracy is the fake's, not OpenAI's: \`OPENAI_API_KEY=… zeta eval --engine openai --routing model\` measures the real model on the same dialogues.`;
}
