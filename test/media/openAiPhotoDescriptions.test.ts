import type { ChatCompletionContentPart } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildMediaServices } from '../../functions/adapters/media/buildMedia';
import { GraphMediaSource } from '../../functions/adapters/media/graphMediaSource';
import { parseEnvironment } from '../../functions/config/environment';
import { createS3Client } from '../../functions/adapters/s3/s3Client';
import { createOpenAiClient } from '../../functions/adapters/openai/openAiClient';
import { OpenAiPhotoDescriptions } from '../../functions/adapters/openai/openAiPhotoDescriptions';
import { GraphClient } from '../../functions/adapters/whatsapp/graphClient';
import { renderProductImage } from '../../functions/domain/catalog/productImage';
import type { Photo, PhotoDescriptions } from '../../functions/domain/media/photoDescriptions';
import { startFakeOpenAiServer, textCompletion, type FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { GRAPH_TOKEN, PHONE_NUMBER_ID, startGraphServer, type GraphServer } from '../support/graphServer';
import { makeAudioFixtures, type AudioFixtures } from './audioFixtures';

const customer = { waId: '77017654321' };

let fixtures: AudioFixtures;
let graph: GraphServer;
let graphClient: GraphClient;
let openAi: FakeOpenAiServer;
let photos: PhotoDescriptions;
let messageNumber = 0;

function photoOf(bytes: Buffer, mimeType: string, caption?: string): Photo {
  return {
    mediaId: graph.standIn.putMedia(bytes, mimeType),
    mimeType,
    messageId: `wamid.photo${++messageNumber}`,
    ...(caption === undefined ? {} : { caption }),
  };
}

const answer = (json: unknown) => () => textCompletion(typeof json === 'string' ? json : JSON.stringify(json), 'gpt-4o-mini');

function describer(maxBytes = 5 * 1024 * 1024): OpenAiPhotoDescriptions {
  return new OpenAiPhotoDescriptions({
    client: createOpenAiClient({ apiKey: 'sk-test', baseURL: openAi.baseURL, maxRetries: 0 }),
    model: 'gpt-4o-mini',
    source: new GraphMediaSource(async () => graphClient),
    maxBytes,
  });
}

beforeAll(async () => {
  [fixtures, graph, openAi] = await Promise.all([makeAudioFixtures(), startGraphServer(), startFakeOpenAiServer()]);
  graphClient = new GraphClient({ baseUrl: graph.baseUrl, apiVersion: 'v26.0', accessToken: GRAPH_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
  photos = describer();
});
afterAll(async () => {
  await Promise.all([graph.close(), openAi.close(), fixtures.remove()]);
});
beforeEach(() => {
  openAi.chatRequests.length = 0;
});

describe('a photo of furniture', () => {
  it('goes to the vision model as a low-detail data URL with its caption, and comes back as catalog attributes', async () => {
    openAi.respondWith(
      answer({
        is_furniture: true,
        category: 'sofa',
        color: 'grey',
        style: 'modern',
        keywords: ['угловой', ' велюр ', '', 'раскладной', 'мягкий', 'лишний'],
      }),
    );
    const description = await photos.describe(customer, photoOf(fixtures.jpeg, 'image/jpeg', 'такой есть?'));

    expect(description).toEqual({
      kind: 'furniture',
      category: 'sofa',
      color: 'grey',
      style: 'modern',
      keywords: 'угловой велюр раскладной мягкий',
      usage: { model: 'gpt-4o-mini', inputTokens: expect.any(Number), cachedInputTokens: 0, outputTokens: expect.any(Number) },
    });

    const [request] = openAi.chatRequests;
    expect(request?.model).toBe('gpt-4o-mini');
    expect(request?.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'photo_description', strict: true } });
    const parts = request?.messages.find((message) => message.role === 'user')?.content as ChatCompletionContentPart[];
    expect(parts[0]).toEqual({ type: 'text', text: 'Подпись клиента к фото: такой есть?' });
    expect(parts[1]).toEqual({
      type: 'image_url',
      image_url: { url: `data:image/jpeg;base64,${fixtures.jpeg.toString('base64')}`, detail: 'low' },
    });
  });

  it('a PNG, with nulls where the model is unsure and no keywords', async () => {
    openAi.respondWith(answer({ is_furniture: true, category: 'wardrobe', color: null, style: null, keywords: [] }));
    const png = renderProductImage({ category: 'wardrobe', color: 'white', style: 'classic' });
    const description = await photos.describe(customer, photoOf(png, 'image/png'));
    expect(description).toMatchObject({ kind: 'furniture', category: 'wardrobe' });
    expect(description).not.toHaveProperty('color');
    expect(description).not.toHaveProperty('keywords');
    const parts = openAi.chatRequests[0]?.messages.find((message) => message.role === 'user')?.content as ChatCompletionContentPart[];
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ type: 'image_url', image_url: { url: expect.stringMatching(/^data:image\/png;base64,iVBORw0KGgo/) } });
  });

  it('no furniture in the picture is not_furniture, with what it cost', async () => {
    openAi.respondWith(answer({ is_furniture: false, category: null, color: null, style: null, keywords: [] }));
    expect(await photos.describe(customer, photoOf(fixtures.jpeg, 'image/jpeg'))).toMatchObject({
      kind: 'not_furniture',
      usage: { model: 'gpt-4o-mini' },
    });
  });
});

describe('answers that cannot be used are answered as unusable at once, with what they cost (asking again gets the same)', () => {
  it.each([
    ['invalid_json', 'Это диван серого цвета'],
    ['schema_mismatch', { is_furniture: true, category: 'throne', color: null, style: null, keywords: [] }],
    ['schema_mismatch', { is_furniture: 'yes' }],
  ])('%s: %j', async (reason, content) => {
    openAi.respondWith(answer(content));
    expect(await photos.describe(customer, photoOf(fixtures.jpeg, 'image/jpeg'))).toEqual({
      kind: 'unusable',
      reason,
      usage: expect.objectContaining({ model: 'gpt-4o-mini' }),
    });
  });

  it('refusal', async () => {
    openAi.respondWith(() => ({
      ...textCompletion(''),
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: null, refusal: 'I cannot help with that.' },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
    }));
    expect(await photos.describe(customer, photoOf(fixtures.jpeg, 'image/jpeg'))).toMatchObject({ kind: 'unusable', reason: 'refusal' });
  });

  it('an API error is thrown as the SDK raised it', async () => {
    openAi.respondWith(() => ({ status: 503, body: { error: { message: 'Overloaded', type: 'server_error' } } }));
    await expect(photos.describe(customer, photoOf(fixtures.jpeg, 'image/jpeg'))).rejects.toMatchObject({ status: 503 });
  });
});

describe('limits and kinds', () => {
  it('a photo over PHOTO_MAX_BYTES is too_large, and the model is not called', async () => {
    expect(await describer(1000).describe(customer, photoOf(fixtures.jpeg, 'image/jpeg'))).toEqual({
      kind: 'too_large',
      sizeBytes: fixtures.jpeg.length,
      limitBytes: 1000,
    });
    expect(openAi.chatRequests).toEqual([]);
  });

  it('a file the vision API cannot take is left to the caption', async () => {
    expect(await photos.describe(customer, photoOf(Buffer.from('%PDF-1.4'), 'application/pdf'))).toEqual({ kind: 'unavailable' });
    expect(openAi.chatRequests).toEqual([]);
  });
});

describe('buildMediaServices', () => {
  const env = parseEnvironment({ MEDIA_BUCKET: 'zeta-media-test', OPENAI_MODEL: 'gpt-4o-mini' });
  const s3 = createS3Client({ AWS_REGION: 'us-east-1', S3_ENDPOINT: 'http://127.0.0.1:1' });

  it('describes photos with OPENAI_MODEL', async () => {
    openAi.respondWith(answer({ is_furniture: true, category: 'bed', color: 'beige', style: 'scandinavian', keywords: ['двуспальная'] }));
    const services = buildMediaServices({
      env: { ...env, OPENAI_MODEL: 'gpt-4.1-mini' },
      openai: createOpenAiClient({ apiKey: 'sk-test', baseURL: openAi.baseURL, maxRetries: 0 }),
      graph: async () => graphClient,
      s3,
    });
    expect(await services.photos.describe(customer, photoOf(fixtures.jpeg, 'image/jpeg'))).toMatchObject({
      kind: 'furniture',
      category: 'bed',
    });
    expect(openAi.chatRequests[0]?.model).toBe('gpt-4.1-mini');
  });
});
