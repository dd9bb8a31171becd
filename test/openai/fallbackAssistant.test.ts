import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssistantEngine } from '../../functions/domain/assistant/assistantEngine';
import { AssistantTimeoutError, FallbackAssistant, type FallbackReason } from '../../functions/domain/assistant/fallbackAssistant';
import { OfflineAssistant } from '../../functions/domain/assistant/offlineAssistant';
import { parseWorkingHours } from '../../functions/domain/handoff/workingHours';
import { startFakeOpenAiServer, textCompletion, type FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { RecordingRecommender, imageUrlOf, openAiAssistant, shoppingTools, turn } from './fixtures';

let server: FakeOpenAiServer;
beforeEach(async () => {
  server = await startFakeOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

const offline = new OfflineAssistant({
  tools: shoppingTools,
  recommender: new RecordingRecommender(),
  imageUrlOf,
  hours: parseWorkingHours('09:00-20:00', '1-6'),
  showrooms: [],
});

function fallbackAssistant(options: { primary?: AssistantEngine; isPrimaryAllowed?: () => Promise<boolean> } = {}) {
  const fallbacks: Array<{ reason: FallbackReason; error?: unknown }> = [];
  const assistant = new FallbackAssistant({
    primary: options.primary ?? openAiAssistant(server, { timeoutMs: 300 }),
    fallback: offline,
    ...(options.isPrimaryAllowed ? { isPrimaryAllowed: options.isPrimaryAllowed } : {}),
    onFallback: (reason, error) => fallbacks.push({ reason, error }),
  });
  return { assistant, fallbacks };
}

describe('FallbackAssistant', () => {
  it('answers with the language model when it works', async () => {
    server.respondWith(() => textCompletion('Здравствуйте! Что ищете?'));
    const { assistant, fallbacks } = fallbackAssistant();
    const reply = await assistant.respond(turn('Здравствуйте'));
    expect(reply.engine).toBe('openai');
    expect(fallbacks).toEqual([]);
  });

  it('answers offline when OpenAI answers 500', async () => {
    server.respondWith(() => ({ status: 500, body: { error: { message: 'The server had an error', type: 'server_error' } } }));
    const { assistant, fallbacks } = fallbackAssistant();
    const reply = await assistant.respond(turn('Нужен серый диван до 300 тысяч'));
    expect(server.chatRequests).toHaveLength(1);
    expect(reply.engine).toBe('offline');
    expect(reply.productIds.length).toBeGreaterThan(0);
    expect(fallbacks.map((fallback) => fallback.reason)).toEqual(['error']);
  });

  it('answers offline with reason timeout when OpenAI hangs', async () => {
    server.respondWith(() => 'hang');
    const { assistant, fallbacks } = fallbackAssistant();
    const started = Date.now();
    const reply = await assistant.respond(turn('Нужен серый диван до 300 тысяч'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(reply.engine).toBe('offline');
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]!.reason).toBe('timeout');
    expect(fallbacks[0]!.error).toBeInstanceOf(AssistantTimeoutError);
  });

  it('never calls OpenAI when the spending cap is reached', async () => {
    const { assistant, fallbacks } = fallbackAssistant({ isPrimaryAllowed: async () => false });
    const reply = await assistant.respond(turn('Нужен серый диван до 300 тысяч'));
    expect(server.chatRequests).toHaveLength(0);
    expect(reply.engine).toBe('offline');
    expect(fallbacks).toEqual([{ reason: 'budget', error: undefined }]);
  });

  it('answers offline when the spending cap cannot be read', async () => {
    const failure = new Error('table unavailable');
    const { assistant, fallbacks } = fallbackAssistant({ isPrimaryAllowed: () => Promise.reject(failure) });
    const reply = await assistant.respond(turn('Здравствуйте'));
    expect(server.chatRequests).toHaveLength(0);
    expect(reply.engine).toBe('offline');
    expect(fallbacks).toEqual([{ reason: 'error', error: failure }]);
  });

  it('marks a fallback reply as offline even if its engine does not say so', async () => {
    const unmarked: AssistantEngine = {
      respond: async (context) => ({ messages: [], language: context.language, summary: '', intent: 'other', productIds: [] }),
    };
    const failing: AssistantEngine = { respond: () => Promise.reject(new Error('boom')) };
    const assistant = new FallbackAssistant({ primary: failing, fallback: unmarked, onFallback: () => {} });
    expect((await assistant.respond(turn('привет'))).engine).toBe('offline');
  });
});
