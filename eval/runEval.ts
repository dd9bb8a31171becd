import { bundledPricing } from '../functions/adapters/cost/bundledPricing';
import type { Product } from '../functions/domain/catalog/product';
import { buildCostReport } from '../functions/domain/cost/costReport';
import { utcDay } from '../functions/domain/cost/days';
import type { InboundContent } from '../functions/domain/whatsapp/inboundMessage';
import { DIALOGUE_LANGUAGES, TURN_KINDS, type Dialogue, type DialogueLanguage, type DialogueTurn, type TurnKind } from './dialogueSet';
import { MANAGER_WA_ID, startEvalStack, type ModelSettings } from './evalStack';
import { observe } from './replyObservation';
import { checkTurn, type SeenBefore, type TurnEvidence } from './turnCheck';

export interface TurnOutcome {
  dialogue: string;
  language: DialogueLanguage;
  kind: TurnKind;
  /** 1-based, as a person counts the dialogue's turns. */
  turn: number;
  said: string;
  problems: string[];
}

export interface Tally {
  right: number;
  total: number;
}

export interface EvalReport {
  engine: 'offline' | 'openai';
  dialogues: number;
  turns: TurnOutcome[];
  /** Turns other than openings: what the target is about. */
  followUps: Tally;
  byKind: Record<TurnKind, Record<DialogueLanguage | 'all', Tally>>;
  byLanguage: Record<DialogueLanguage, Tally>;
  seconds: number;
  /** What the run cost by the cost ledger (AWS and OpenAI, priced with data/pricing.json), fixed monthly items apart. */
  cost: { totalUsd: number; openAiUsd: number; messagesIn: number };
}

export interface EvalOptions {
  /** The products the consumer sells (the embedded catalog), to check replies against. */
  products: readonly Product[];
  /** OpenAI mode: the model (or an OpenAI-compatible server) answers what routing sends it. */
  model?: ModelSettings;
  /** Dialogues run side by side (each is its own customer). */
  concurrency?: number;
}

const DEFAULT_CONCURRENCY = 4;

type Catalog = TurnEvidence['catalog'];

/** Runs every dialogue through the consumer as deployed and checks each turn's reply against its expectations. */
export async function runEval(dialogues: readonly Dialogue[], options: EvalOptions): Promise<EvalReport> {
  const started = Date.now();
  const byId = new Map(options.products.map((product) => [product.id, product]));
  const catalog: Catalog = { get: (id) => byId.get(id), all: () => options.products };
  const stack = await startEvalStack(options.model);
  const outcomes: TurnOutcome[][] = [];
  let cost: EvalReport['cost'];
  try {
    let next = 0;
    const worker = async () => {
      while (next < dialogues.length) {
        const index = next++;
        outcomes[index] = await runDialogue(dialogues[index]!, index, stack, catalog);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? DEFAULT_CONCURRENCY }, worker));
    const rows = await stack.ledger();
    const report = buildCostReport(rows, bundledPricing(), { from: utcDay(started), to: utcDay(Date.now()) });
    cost = { totalUsd: report.totalUsd, openAiUsd: report.components.openai, messagesIn: report.messagesIn };
  } finally {
    await stack.close();
  }
  return { ...tally(options.model ? 'openai' : 'offline', dialogues.length, outcomes.flat(), (Date.now() - started) / 1000), cost };
}

async function runDialogue(
  dialogue: Dialogue,
  index: number,
  stack: Awaited<ReturnType<typeof startEvalStack>>,
  catalog: Catalog,
): Promise<TurnOutcome[]> {
  const waId = `7705${String(index).padStart(7, '0')}`;
  const before: SeenBefore & { list: string[] } = { list: [] };
  const outcomes: TurnOutcome[] = [];
  for (const [position, turn] of dialogue.turns.entries()) {
    const content = contentOf(turn, before, catalog);
    const said = turn.say ?? `[tap ${JSON.stringify(turn.tap)}]`;
    if (content === undefined) {
      outcomes.push(outcome(dialogue, turn, position, said, ['nothing on screen to tap']));
      continue;
    }
    const records = await stack.say(waId, content, { manager: dialogue.manager });
    const managerCalled = records.some((record) => record.to === MANAGER_WA_ID && JSON.stringify(record.body).includes(waId));
    const reply = observe(records.filter((record) => record.to === waId));
    const problems = checkTurn({ expect: turn.expect, reply, before: { ...before }, dialogue, managerCalled, catalog });
    outcomes.push(outcome(dialogue, turn, position, said, problems));
    if (reply.productIds.length > 1) before.list = reply.productIds;
    if (reply.cardId) before.focus = reply.cardId;
  }
  return outcomes;
}

function outcome(dialogue: Dialogue, turn: DialogueTurn, position: number, said: string, problems: string[]): TurnOutcome {
  return { dialogue: dialogue.id, language: dialogue.language, kind: turn.kind, turn: position + 1, said, problems };
}

/** A tap is what WhatsApp would send for the row or button the customer saw. */
function contentOf(turn: DialogueTurn, before: SeenBefore, catalog: Catalog): InboundContent | undefined {
  if (turn.say !== undefined) return { kind: 'text', text: turn.say };
  if (turn.tap === undefined) return undefined;
  if ('row' in turn.tap) {
    const id = before.list[turn.tap.row - 1];
    return id === undefined ? undefined : { kind: 'reply', replyId: `product:${id}`, title: catalog.get(id)?.name ?? id, source: 'list' };
  }
  if (before.focus === undefined) return undefined;
  return { kind: 'reply', replyId: `${turn.tap.button}:${before.focus}`, title: turn.tap.button, source: 'button' };
}

function tally(engine: EvalReport['engine'], dialogues: number, turns: TurnOutcome[], seconds: number): Omit<EvalReport, 'cost'> {
  const empty = (): Tally => ({ right: 0, total: 0 });
  const byKind = Object.fromEntries(
    TURN_KINDS.map((kind) => [kind, Object.fromEntries([...DIALOGUE_LANGUAGES, 'all'].map((language) => [language, empty()]))]),
  ) as EvalReport['byKind'];
  const byLanguage = Object.fromEntries(DIALOGUE_LANGUAGES.map((language) => [language, empty()])) as EvalReport['byLanguage'];
  const followUps = empty();
  for (const turn of turns) {
    const right = turn.problems.length === 0 ? 1 : 0;
    for (const cell of [byKind[turn.kind][turn.language], byKind[turn.kind].all]) {
      cell.right += right;
      cell.total += 1;
    }
    if (turn.kind === 'opening') continue;
    byLanguage[turn.language].right += right;
    byLanguage[turn.language].total += 1;
    followUps.right += right;
    followUps.total += 1;
  }
  return { engine, dialogues, turns, followUps, byKind, byLanguage, seconds };
}

export const share = (tally: Tally): number => (tally.total === 0 ? 1 : tally.right / tally.total);
