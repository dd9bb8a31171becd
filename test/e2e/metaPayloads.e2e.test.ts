import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META_WEBHOOK_FIXTURES, type FixtureIds, type MetaWebhookFixture } from '../support/metaWebhookFixtures';
import { chat, postSignedWebhook, startZeta, type ChatLine, type RunningZeta } from '../support/runningZeta';

/** Ours is the local contract's default business number. */
const OUR_NUMBER = '100000000000001';
const ANOTHER_NUMBER = '109999999999999';

let zeta: RunningZeta;

beforeAll(async () => {
  zeta = await startZeta();
}, 60_000);
afterAll(async () => zeta?.stop());

function idsFor(index: number, phoneNumberId: string, run: string): FixtureIds {
  const serial = String(index).padStart(4, '0');
  return {
    phoneNumberId,
    waId: `7703${run === 'ours' ? 0 : 1}00${serial}`,
    userId: `KZ.${run === 'ours' ? 1 : 2}50257639465${serial}`,
    messageId: (n = 0) => `wamid.HBgL${run}${serial}FQIAEhgU${n}`,
    now: String(Math.floor(Date.now() / 1000)),
  };
}

/** The customer's chat, asked for by number, or by BSUID when they wrote without a number. */
async function linesOf(ids: FixtureIds): Promise<ChatLine[]> {
  const byNumber = await chat(zeta.url, ids.waId);
  return byNumber.length > 0 ? byNumber : chat(zeta.url, ids.userId);
}

const answersIn = (lines: ChatLine[]) => lines.filter((line) => line.direction === 'out').map((line) => JSON.stringify(line.payload));

async function postAll(
  phoneNumberId: string,
  run: string,
): Promise<Array<{ fixture: MetaWebhookFixture; ids: FixtureIds; status: number }>> {
  const posted = [];
  for (const [index, fixture] of META_WEBHOOK_FIXTURES.entries()) {
    const ids = idsFor(index, phoneNumberId, run);
    const response = await postSignedWebhook(zeta.url, fixture.body(ids));
    await response.arrayBuffer();
    posted.push({ fixture, ids, status: response.status });
  }
  return posted;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`npm start: ${META_WEBHOOK_FIXTURES.length} kinds of payload Meta posts (pywa's and netflie's test payloads, Meta's examples)`, () => {
  it('takes every one for our number with a 200, and answers each customer message fittingly, and nothing else', async () => {
    const posted = await postAll(OUR_NUMBER, 'ours');
    expect(posted.filter((entry) => entry.status !== 200).map((entry) => `${entry.fixture.name}: ${entry.status}`)).toEqual([]);

    const unanswered: string[] = [];
    for (const { fixture, ids } of posted.filter((entry) => entry.fixture.answer !== undefined)) {
      let answers: string[] = [];
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(100)) {
        answers = answersIn(await linesOf(ids));
        if (answers.some((answer) => fixture.answer!.test(answer))) break;
      }
      if (!answers.some((answer) => fixture.answer!.test(answer)))
        unanswered.push(`${fixture.name}: ${answers.join(' / ') || 'no answer'}`);
    }
    expect(unanswered, unanswered.join('\n')).toEqual([]);

    await sleep(1_500);
    const answeredAnyway = [];
    for (const { fixture, ids } of posted.filter((entry) => entry.fixture.answer === undefined)) {
      const answers = answersIn(await linesOf(ids));
      if (answers.length > 0) answeredAnyway.push(`${fixture.name}: ${answers.join(' / ')}`);
    }
    expect(answeredAnyway, answeredAnyway.join('\n')).toEqual([]);
  }, 180_000);

  it('takes every one for another business number with a 200 too, and answers none of them', async () => {
    const posted = await postAll(ANOTHER_NUMBER, 'foreign');
    expect(posted.filter((entry) => entry.status !== 200).map((entry) => `${entry.fixture.name}: ${entry.status}`)).toEqual([]);
    await sleep(2_000);
    const touched = [];
    for (const { fixture, ids } of posted) {
      const lines = await linesOf(ids);
      if (lines.length > 0) touched.push(`${fixture.name}: ${lines.length} lines`);
    }
    expect(touched, touched.join('\n')).toEqual([]);
  }, 120_000);
});
