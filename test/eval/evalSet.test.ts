import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedCatalog } from '../../local/embeddedCatalog';
import { DEFAULT_SET, DIALOGUE_LANGUAGES, loadDialogues, TURN_KINDS, type Dialogue } from '../../eval/dialogueSet';
import { renderEvalReport } from '../../eval/evalReport';
import { runEval, share, type EvalReport } from '../../eval/runEval';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fakeOpenAiServer';

// The target: nine follow-up turns in ten right on the labelled set, in every language.
const FOLLOW_UP_TARGET = 0.9;
const KIND_FLOOR = 0.8;

let dialogues: Dialogue[];
const products = embeddedCatalog().all();

beforeAll(async () => {
  dialogues = await loadDialogues(fileURLToPath(DEFAULT_SET));
});

describe('the labelled multi-turn evaluation set', () => {
  it('has at least 150 dialogues in Russian, Kazakh, mixed and English, with every kind of follow-up', () => {
    expect(dialogues.length).toBeGreaterThanOrEqual(150);
    for (const language of DIALOGUE_LANGUAGES)
      expect(dialogues.filter((dialogue) => dialogue.language === language).length, language).toBeGreaterThanOrEqual(20);
    const kinds = new Set(dialogues.flatMap((dialogue) => dialogue.turns.map((turn) => turn.kind)));
    for (const kind of TURN_KINDS) expect(kinds.has(kind), kind).toBe(true);
  });

  it('expects something of every follow-up turn', () => {
    for (const dialogue of dialogues) {
      for (const turn of dialogue.turns)
        if (turn.kind !== 'opening') expect(Object.keys(turn.expect).length, `${dialogue.id}: ${turn.say ?? 'tap'}`).toBeGreaterThan(0);
    }
  });
});

describe('zeta eval, offline assistant', () => {
  let report: EvalReport;

  beforeAll(async () => {
    report = await runEval(dialogues, { products });
    console.log(renderEvalReport(report, { failures: true }));
  }, 300_000);

  it(`answers at least ${FOLLOW_UP_TARGET * 100}% of follow-up turns right, in every language`, () => {
    expect(share(report.followUps)).toBeGreaterThanOrEqual(FOLLOW_UP_TARGET);
    for (const language of DIALOGUE_LANGUAGES)
      expect(share(report.byLanguage[language]), language).toBeGreaterThanOrEqual(FOLLOW_UP_TARGET);
  });

  it(`gets at least ${KIND_FLOOR * 100}% of every kind of follow-up right`, () => {
    for (const kind of TURN_KINDS) expect(share(report.byKind[kind].all), kind).toBeGreaterThanOrEqual(KIND_FLOOR);
  });
});

describe('zeta eval on the held-out dialogues (eval/heldout, written after the engine)', () => {
  it(`answers at least ${FOLLOW_UP_TARGET * 100}% of their follow-up turns right`, async () => {
    const report = await runEval(await loadDialogues(fileURLToPath(new URL('../../eval/heldout/', import.meta.url))), { products });
    console.log(renderEvalReport(report, { failures: true }));
    expect(share(report.followUps)).toBeGreaterThanOrEqual(FOLLOW_UP_TARGET);
  }, 120_000);
});

describe('zeta eval, OpenAI mode against the local OpenAI-compatible server', () => {
  let server: FakeOpenAiServer;
  let report: EvalReport;

  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    report = await runEval(dialogues, { products, model: { apiKey: 'eval', baseUrl: server.baseURL } });
    console.log(renderEvalReport(report, { failures: false }));
  }, 300_000);
  afterAll(async () => {
    await server.close();
  });

  it('runs the same dialogues, sending the model what routing does not resolve offline', () => {
    expect(report.engine).toBe('openai');
    expect(report.turns.length).toBe(dialogues.reduce((sum, dialogue) => sum + dialogue.turns.length, 0));
    expect(server.chatRequests.length).toBeGreaterThan(0);
  });

  it(`still gets ${FOLLOW_UP_TARGET * 100}% of follow-ups right: the ones routing keeps offline are exact, the model gets the conversation's state`, () => {
    expect(share(report.followUps)).toBeGreaterThanOrEqual(FOLLOW_UP_TARGET);
  });
});
