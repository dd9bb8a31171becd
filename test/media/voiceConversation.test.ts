import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../functions/domain/catalog/product';
import { startFakeOpenAiMedia, type FakeOpenAiMedia } from '../support/fakeOpenAiMedia';
import { startConsumerHarness, type ConsumerHarness } from '../support/consumerHarness';
import { makeAudioFixtures, type AudioFixtures } from './audioFixtures';

/**
 * A voice note through the consumer's own composition (the consumer harness) with
 * its real parts — dynalite, the Graph stand-in, s3rver, ffmpeg — and the
 * transcription API faked.
 */

let audio: AudioFixtures;
let openAi: FakeOpenAiMedia;
let harness: ConsumerHarness;
let next = 77050000100;

interface Sent {
  type: string;
  text?: { body: string };
  interactive?: { body: { text: string }; action: { sections?: Array<{ rows: Array<{ id: string }> }> } };
}

beforeAll(async () => {
  [audio, openAi] = await Promise.all([makeAudioFixtures(), startFakeOpenAiMedia()]);
  // The fake answers transcriptions only: the model's chat fails, and the offline assistant answers, as in an outage.
  harness = await startConsumerHarness({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openAi.baseURL });
});
afterAll(async () => {
  await Promise.all([harness.close(), openAi.close(), audio.remove()]);
});

async function sayInVoice(bytes: Buffer, mimeType: string) {
  const customer = { waId: String(next++), name: 'Дана' };
  const mediaId = harness.graph.standIn.putMedia(bytes, mimeType);
  const result = await harness.consumer.conversation.handleTurn({
    customer,
    messages: [{ id: `wamid.voice${next}`, timestamp: Date.now(), content: { kind: 'audio', mediaId, mimeType, voice: true } }],
  });
  return { result, sent: harness.sentTo(customer.waId) as unknown as Sent[], customer };
}

const textOf = (message: Sent | undefined) => message?.text?.body ?? message?.interactive?.body.text ?? '';

describe('a voice note in the conversation', () => {
  it('is heard, shown back to the customer, and searched like typed text: grey sofas up to 300 000 ₸', async () => {
    const { result, sent, customer } = await sayInVoice(audio.ogg, 'audio/ogg; codecs=opus');

    expect(textOf(sent[0])).toContain('🎤 Вы сказали: «Хочу серый диван до трёхсот тысяч»');
    const productIds = (sent[0]?.interactive?.action.sections ?? [])
      .flatMap((section) => section.rows.map((row) => row.id))
      .filter((id) => id.startsWith('product:'))
      .map((id) => id.slice('product:'.length));
    expect(productIds.length).toBeGreaterThan(0);
    const products = (await Promise.all(productIds.map((id) => harness.consumer.catalog.get(id)))) as Product[];
    expect(products.every((product) => product.category === 'sofa' && product.price <= 300_000)).toBe(true);
    expect(products.some((product) => product.color === 'grey')).toBe(true);

    expect(result.language).toBe('ru');
    expect(result.usage).toContainEqual(expect.objectContaining({ model: 'gpt-4o-mini-transcribe', audioSeconds: expect.any(Number) }));
    const [profile] = (await harness.table.partition(`C#${customer.waId}`)).filter((item) => item.sk === 'PROFILE');
    expect(profile).toMatchObject({ preferences: { categories: { sofa: expect.any(Number) }, colors: { grey: expect.any(Number) } } });
  });

  it('an AMR file forwarded from an old phone works the same, converted on the way', async () => {
    const { sent } = await sayInVoice(audio.amr, 'audio/amr');
    expect(textOf(sent[0])).toContain('🎤 Вы сказали:');
    expect(openAi.uploads.at(-1)).toMatchObject({ format: 'ogg', oggCodec: 'opus' });
  });

  it('a note over two minutes is declined with both lengths, and nothing is transcribed', async () => {
    const uploads = openAi.uploads.length;
    const { sent, result } = await sayInVoice(audio.long, 'audio/ogg; codecs=opus');
    expect(textOf(sent[0])).toBe(
      'Голосовое слишком длинное (2 мин 5 с): я могу прослушать не больше 2 мин 🙏 Запишите, пожалуйста, покороче или напишите текстом.',
    );
    expect(result.intents).toEqual(['voice_too_long']);
    expect(openAi.uploads).toHaveLength(uploads);
  });
});
