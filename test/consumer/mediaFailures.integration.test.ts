import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, textCompletion, type FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { inbound, sqsRecord, text } from '../support/sqsEvents';

/**
 * Issue 17: one failing message must not swallow the customer's later ones.
 * A photo the model answers unusably is answered at once (asking again gets
 * the same answer); a photo that keeps failing on its last delivery gets an
 * apology while the rest of the burst, an erasure request among it, is still
 * answered.
 */
let openAi: FakeOpenAiServer;
let harness: ConsumerHarness;
let next = 77051700000;

// A JPEG's first bytes are enough for the stand-in and for the vision request (the model is faked).
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

interface Sent {
  type: string;
  text?: { body: string };
  interactive?: { body: { text: string }; action: { buttons?: Array<{ reply: { id: string } }> } };
}

beforeAll(async () => {
  openAi = await startFakeOpenAiServer();
  harness = await startConsumerHarness({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openAi.baseURL, AI_ROUTING: 'plain' });
});
afterAll(async () => Promise.all([harness.close(), openAi.close()]));

function customer() {
  return { waId: String(next++), name: 'Асель' };
}

function photo(of: { waId: string }) {
  const mediaId = harness.graph.standIn.putMedia(JPEG, 'image/jpeg');
  return inbound(of, { kind: 'image', mediaId, mimeType: 'image/jpeg' });
}

const bodyOf = (message: Sent) => message.text?.body ?? message.interactive?.body.text ?? '';

describe('a photo the vision model cannot read', () => {
  it('is answered at once with a request to describe it in words, not retried', async () => {
    const who = customer();
    openAi.respondWith(() => textCompletion('Это серый диван, очень красивый'));
    const response = await harness.invoke([sqsRecord(photo(who))]);
    expect(response.batchItemFailures).toEqual([]);
    const sent = harness.sentTo(who.waId) as unknown as Sent[];
    expect(sent).toHaveLength(1);
    expect(bodyOf(sent[0]!)).toContain('Опишите');
  });
});

describe('the last delivery of a failing burst', () => {
  it('apologises for the photo and still answers the erasure request that came after it', async () => {
    const who = customer();
    const failing = () => ({ status: 500, body: { error: { message: 'upstream failure', type: 'server_error' } } });
    openAi.respondWith(failing, failing, failing, failing);
    const erase = text(who, 'удалите мои данные');
    const response = await harness.invoke([sqsRecord(photo(who), 5), sqsRecord(erase, 2)]);
    // The photo goes to the dead-letter queue for a person to look at (its record fails, with the group after it).
    expect(response.batchItemFailures.length).toBeGreaterThan(0);
    const sent = harness.sentTo(who.waId) as unknown as Sent[];
    expect(sent.map(bodyOf).join('\n')).toContain('Извините, у нас сбой');
    const confirmation = sent.find((message) =>
      message.interactive?.action.buttons?.some((button) => button.reply.id.startsWith('forget:yes')),
    );
    expect(confirmation).toBeDefined();
  });
});
