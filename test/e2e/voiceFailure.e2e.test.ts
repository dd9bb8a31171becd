import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../local/localRuntime';
import { makeAudioFixtures, type AudioFixtures } from '../media/audioFixtures';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { waitForChat } from '../support/runningZeta';

let runtime: LocalRuntime;
let openAi: FakeOpenAiServer;
let audio: AudioFixtures;

beforeAll(async () => {
  [audio, openAi] = await Promise.all([makeAudioFixtures(), startFakeOpenAiServer()]);
  runtime = await startLocalRuntime({
    port: 0,
    inMemory: true,
    env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openAi.baseURL, LOG_LEVEL: 'SILENT' },
    // Three deliveries a second apart, as the stack's five at six minutes, but quick.
    queue: { visibilityTimeoutSeconds: 1, maxReceiveCount: 3 },
  });
}, 60_000);
afterAll(async () => {
  await runtime?.stop();
  await openAi?.close();
  await audio?.remove();
});

describe('a voice note whose transcription keeps failing', () => {
  it('is retried, then answered once with an apology and kept in the dead-letter queue', async () => {
    openAi.transcribeWith(
      ...Array.from({ length: 10 }, () => () => ({ status: 500, body: { error: { message: 'upstream down', type: 'server_error' } } })),
    );
    const mediaId = runtime.graph.putMedia(audio.ogg, 'audio/ogg; codecs=opus');
    const waId = '77110000001';
    const response = await fetch(`${runtime.url}/sim/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: waId, type: 'audio', audio: { id: mediaId, mime_type: 'audio/ogg; codecs=opus', voice: true } }),
    });
    expect(response.status).toBe(200);

    const lines = await waitForChat(runtime.url, waId, (all) => all.some((line) => line.direction === 'out'), 20_000);
    const out = lines.filter((line) => line.direction === 'out');
    expect(out).toHaveLength(1);
    expect(JSON.stringify(out[0]?.payload)).toContain('Не получилось прослушать голосовое');
    expect(openAi.transcriptionRequests.length).toBeGreaterThanOrEqual(3);

    for (let waited = 0; runtime.deadLetterQueue.counts().total === 0 && waited < 10_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(runtime.deadLetterQueue.counts().total).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(
      (await (await fetch(`${runtime.url}/sim/api/messages?wa_id=${waId}`)).json()).filter(
        (line: { direction: string }) => line.direction === 'out',
      ),
    ).toHaveLength(1);
  });
});
