import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnvironment } from '../../functions/config/environment';
import { buildConsumer } from '../../functions/consumer/buildConsumer';
import type { ConversationService } from '../../functions/domain/conversation/conversationService';
import type { Product } from '../../functions/domain/catalog/product';
import { startS3, type LocalS3 } from '../../local/s3Server';
import { startFakeOpenAiMedia, type FakeOpenAiMedia } from '../support/fakeOpenAiMedia';
import { GRAPH_TOKEN, PHONE_NUMBER_ID, startGraphServer, type GraphServer } from '../support/graphServer';
import { startTestTable, type TestTable } from '../support/localDynamo';
import { quietTelemetry } from '../support/telemetry';
import { makeAudioFixtures, type AudioFixtures } from './audioFixtures';

/**
 * A voice note through the consumer's own composition (buildConsumer) with
 * its real parts — dynalite, the Graph stand-in, s3rver, ffmpeg — and the
 * transcription API faked.
 */

const BUCKET = 'zeta-media-test';
let audio: AudioFixtures;
let table: TestTable;
let graph: GraphServer;
let s3: LocalS3;
let openAi: FakeOpenAiMedia;
let conversation: ConversationService;
let catalog: ReturnType<typeof buildConsumer>['catalog'];
let next = 77050000100;

interface Sent {
  type: string;
  text?: { body: string };
  interactive?: { body: { text: string }; action: { sections?: Array<{ rows: Array<{ id: string }> }> } };
}

beforeAll(async () => {
  // s3rver knows one key pair only; dynalite takes any.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  [audio, table, graph, s3, openAi] = await Promise.all([
    makeAudioFixtures(),
    startTestTable(),
    startGraphServer(),
    startS3({ buckets: [BUCKET] }),
    startFakeOpenAiMedia(),
  ]);
  const env = parseEnvironment({
    STAGE: 'test',
    TABLE_NAME: table.tableName,
    DYNAMODB_ENDPOINT: table.endpoint,
    GRAPH_API_BASE_URL: graph.baseUrl,
    WHATSAPP_TOKEN: GRAPH_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    MEDIA_BUCKET: BUCKET,
    S3_ENDPOINT: s3.endpoint,
    // The fake answers transcriptions only: the model's chat fails, and the offline assistant answers, as in an outage.
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: openAi.baseURL,
  });
  ({ conversation, catalog } = buildConsumer(env, quietTelemetry()));
});
afterAll(async () => {
  await Promise.all([graph.close(), s3.close(), openAi.close(), table.close(), audio.remove()]);
});

async function sayInVoice(bytes: Buffer, mimeType: string) {
  const customer = { waId: String(next++), name: 'Дана' };
  const mediaId = graph.standIn.putMedia(bytes, mimeType);
  const result = await conversation.handleTurn({
    customer,
    messages: [{ id: `wamid.voice${next}`, timestamp: Date.now(), content: { kind: 'audio', mediaId, mimeType, voice: true } }],
  });
  const sent = graph.outbound.filter((record) => record.to === customer.waId).map((record) => record.body as Sent);
  return { result, sent, customer };
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
    const products = (await Promise.all(productIds.map((id) => catalog.get(id)))) as Product[];
    expect(products.every((product) => product.category === 'sofa' && product.price <= 300_000)).toBe(true);
    expect(products.some((product) => product.color === 'grey')).toBe(true);

    expect(result.language).toBe('ru');
    expect(result.usage).toContainEqual(expect.objectContaining({ model: 'gpt-4o-mini-transcribe', audioSeconds: expect.any(Number) }));
    const [profile] = (await table.partition(`C#${customer.waId}`)).filter((item) => item.sk === 'PROFILE');
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
      'Голосовое длинное (2 мин 5 с) — я слушаю до 2 мин 🙏 Запишите, пожалуйста, покороче или напишите текстом.',
    );
    expect(result.intents).toEqual(['voice_too_long']);
    expect(openAi.uploads).toHaveLength(uploads);
  });
});
