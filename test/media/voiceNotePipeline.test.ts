import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { InternalServerError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildMediaServices } from '../../functions/adapters/media/buildMedia';
import { GraphMediaSource } from '../../functions/adapters/media/graphMediaSource';
import { parseEnvironment } from '../../functions/config/environment';
import { createS3Client } from '../../functions/adapters/s3/s3Client';
import { createOpenAiClient } from '../../functions/adapters/openai/openAiClient';
import { GraphClient } from '../../functions/adapters/whatsapp/graphClient';
import type { VoiceNote, VoiceNotes } from '../../functions/domain/media/voiceNotes';
import { customerRef } from '../../functions/observability/customerRef';
import { startS3, type LocalS3 } from '../../local/s3Server';
import { startFakeOpenAiMedia, type FakeOpenAiMedia } from '../support/fakeOpenAiMedia';
import { GRAPH_TOKEN, PHONE_NUMBER_ID, startGraphServer, type GraphServer } from '../support/graphServer';
import { describeAudio, makeAudioFixtures, type AudioFixtures } from './audioFixtures';

const BUCKET = 'zeta-media-test';
const customer = { waId: '77011234567', name: 'Айгуль' };

let audio: AudioFixtures;
let graph: GraphServer;
let graphClient: GraphClient;
let s3: LocalS3;
let s3Client: S3Client;
let openAi: FakeOpenAiMedia;
/** Paths the Graph stand-in was asked for, in order. */
let graphRequests: string[];
let messageNumber = 0;

function voice(settings: Record<string, string> = {}): VoiceNotes {
  return buildMediaServices({
    env: parseEnvironment({ MEDIA_BUCKET: BUCKET, OPENAI_MODEL: 'gpt-4o-mini', ...settings }),
    openai: createOpenAiClient({ apiKey: 'sk-test', baseURL: openAi.baseURL, maxRetries: 0 }),
    graph: async () => graphClient,
    s3: s3Client,
  }).voice;
}

/** As the webhook hands a note over: WhatsApp's media id and the message's wamid. */
function noteOf(bytes: Buffer, mimeType: string): VoiceNote {
  const mediaId = graph.standIn.putMedia(bytes, mimeType);
  return {
    mediaId,
    mimeType,
    voice: mimeType.startsWith('audio/ogg'),
    messageId: `wamid.HBgLNzcwMTEyMzQ1NjcVAgASGBQ+/${++messageNumber}=`,
  };
}

const downloads = () => graphRequests.filter((path) => path.includes('/media-download/'));

async function stagedKeys(): Promise<string[]> {
  const listed = await s3Client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `voice/${customerRef(customer.waId)}/` }));
  return (listed.Contents ?? []).map((object) => object.Key ?? '');
}

beforeAll(async () => {
  // s3rver knows one key pair only (dynalite takes any).
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  [audio, graph, s3, openAi] = await Promise.all([
    makeAudioFixtures(),
    startGraphServer(),
    startS3({ buckets: [BUCKET] }),
    startFakeOpenAiMedia(),
  ]);
  graphClient = new GraphClient({ baseUrl: graph.baseUrl, apiVersion: 'v26.0', accessToken: GRAPH_TOKEN, phoneNumberId: PHONE_NUMBER_ID });
  s3Client = createS3Client({ AWS_REGION: 'us-east-1', S3_ENDPOINT: s3.endpoint });
});
afterAll(async () => {
  s3Client.destroy();
  await Promise.all([graph.close(), s3.close(), openAi.close(), audio.remove()]);
});
beforeEach(() => {
  graphRequests = [];
  graph.setFaults((request) => {
    graphRequests.push(request.path);
    return undefined;
  });
  openAi.uploads.length = 0;
});

describe('a WhatsApp voice note (OGG/Opus)', () => {
  it('is downloaded, staged under the customer prefix, sent as it is and transcribed', async () => {
    const note = noteOf(audio.ogg, 'audio/ogg; codecs=opus');
    const heard = await voice().transcribe(customer, note);

    expect(heard).toMatchObject({ kind: 'text', text: 'Хочу серый диван до трёхсот тысяч', language: 'ru' });
    if (heard.kind !== 'text') throw new Error('unreachable');
    expect(heard.durationSeconds).toBeGreaterThan(1.5);
    expect(heard.usage).toMatchObject({ model: 'gpt-4o-mini-transcribe', cachedInputTokens: 0, audioSeconds: heard.durationSeconds });
    expect(heard.usage?.inputTokens).toBeGreaterThan(0);

    const [upload] = openAi.uploads;
    expect(upload).toMatchObject({
      model: 'gpt-4o-mini-transcribe',
      fileName: 'voice.ogg',
      contentType: 'audio/ogg',
      format: 'ogg',
      oggCodec: 'opus',
    });
    expect(upload?.bytes.equals(audio.ogg)).toBe(true);

    const key = `voice/${customerRef(customer.waId)}/${encodeURIComponent(note.messageId)}.ogg`;
    expect(await stagedKeys()).toContain(key);
    expect(key).not.toContain(customer.waId);
    const staged = await s3Client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(Buffer.from(await staged.Body!.transformToByteArray()).equals(audio.ogg)).toBe(true);
    expect(staged.ContentType).toBe('audio/ogg; codecs=opus');
  });
});

describe('forwarded audio files', () => {
  it('AMR, which the API refuses, is converted to mono 16 kHz OGG/Opus; the original is what is staged', async () => {
    const note = noteOf(audio.amr, 'audio/amr');
    expect(await voice().transcribe(customer, note)).toMatchObject({ kind: 'text' });

    const [upload] = openAi.uploads;
    expect(upload).toMatchObject({ fileName: 'voice.ogg', contentType: 'audio/ogg', format: 'ogg', oggCodec: 'opus' });
    expect(await describeAudio(upload!.bytes, audio.directory)).toMatch(/^opus, 48000 Hz, mono/);
    expect(await stagedKeys()).toContain(`voice/${customerRef(customer.waId)}/${encodeURIComponent(note.messageId)}.amr`);
  });

  it('an MP3 at a voice bitrate is sent as it is', async () => {
    expect(await voice().transcribe(customer, noteOf(audio.mp3, 'audio/mpeg'))).toMatchObject({ kind: 'text' });
    expect(openAi.uploads[0]).toMatchObject({ fileName: 'voice.mp3', contentType: 'audio/mpeg', format: 'mp3' });
    expect(openAi.uploads[0]?.bytes.equals(audio.mp3)).toBe(true);
  });

  it('a 350 kbps WAV, accepted but bulky, is shrunk first', async () => {
    expect(await voice().transcribe(customer, noteOf(audio.wav, 'audio/wav'))).toMatchObject({ kind: 'text' });
    expect(openAi.uploads[0]).toMatchObject({ format: 'ogg', oggCodec: 'opus' });
    expect(openAi.uploads[0]!.bytes.length).toBeLessThan(audio.wav.length / 5);
  });
});

describe('limits: nothing reaches the paid API', () => {
  it('a note over 120 s is too_long, with the limit', async () => {
    const heard = await voice().transcribe(customer, noteOf(audio.long, 'audio/ogg; codecs=opus'));
    expect(heard).toMatchObject({ kind: 'too_long', limitSeconds: 120 });
    if (heard.kind !== 'too_long') throw new Error('unreachable');
    expect(heard.durationSeconds).toBeCloseTo(125, 0);
    expect(openAi.uploads).toEqual([]);
  });

  it('VOICE_MAX_SECONDS moves the limit', async () => {
    const heard = await voice({ VOICE_MAX_SECONDS: '1' }).transcribe(customer, noteOf(audio.ogg, 'audio/ogg; codecs=opus'));
    expect(heard).toMatchObject({ kind: 'too_long', limitSeconds: 1 });
    expect(openAi.uploads).toEqual([]);
  });

  it('a file over VOICE_MAX_BYTES is too_large, known from the size the Graph API declares: never downloaded', async () => {
    const note = noteOf(audio.ogg, 'audio/ogg; codecs=opus');
    const heard = await voice({ VOICE_MAX_BYTES: '2000' }).transcribe(customer, note);
    expect(heard).toEqual({ kind: 'too_large', sizeBytes: audio.ogg.length, limitBytes: 2000 });
    expect(graphRequests).toEqual([`/graph/v26.0/${note.mediaId}`]);
    expect(downloads()).toEqual([]);
    expect(openAi.uploads).toEqual([]);
    expect((await stagedKeys()).some((key) => key.includes(encodeURIComponent(note.messageId)))).toBe(false);
  });

  it('when the size is not declared, the download is cut at the cap', async () => {
    const mediaId = graph.standIn.putMedia(audio.ogg, 'audio/ogg');
    const info = await graphClient.getMedia(mediaId);
    // A media answer without file_size, pointing at the real download.
    graph.setFaults((request) =>
      request.path === `/graph/v26.0/${mediaId}`
        ? { status: 200, body: { url: info.url, mime_type: 'audio/ogg', id: mediaId } }
        : undefined,
    );
    const fetched = await new GraphMediaSource(async () => graphClient).download(mediaId, { maxBytes: 2000 });
    expect(fetched).toEqual({ kind: 'too_large', sizeBytes: audio.ogg.length });
  });

  it('silence is empty', async () => {
    const heard = await voice().transcribe(customer, noteOf(audio.silence, 'audio/ogg; codecs=opus'));
    expect(heard).toMatchObject({ kind: 'empty' });
    expect(openAi.uploads).toEqual([]);
  });

  it('a file that is not audio is empty', async () => {
    const heard = await voice().transcribe(customer, noteOf(Buffer.from('definitely not opus'), 'audio/ogg'));
    expect(heard).toEqual({ kind: 'empty', durationSeconds: 0 });
    expect(openAi.uploads).toEqual([]);
  });
});

describe('what the model heard', () => {
  it('nothing but punctuation is empty', async () => {
    openAi.transcribeWith(() => ({ text: ' … ' }));
    expect(await voice().transcribe(customer, noteOf(audio.ogg, 'audio/ogg'))).toMatchObject({ kind: 'empty' });
  });

  it('without a language from the model, the words decide it', async () => {
    openAi.transcribeWith(() => ({ text: 'I want a grey sofa under three hundred thousand' }));
    expect(await voice().transcribe(customer, noteOf(audio.ogg, 'audio/ogg'))).toMatchObject({ kind: 'text', language: 'en' });
  });

  it('whisper-1 is asked for verbose_json: its language and its billed seconds', async () => {
    openAi.transcribeWith(() => ({ text: 'Маған сұр диван керек', language: 'kazakh', duration: 2.4 }));
    const heard = await voice({ TRANSCRIBE_MODEL: 'whisper-1' }).transcribe(customer, noteOf(audio.ogg, 'audio/ogg'));
    expect(openAi.uploads[0]).toMatchObject({ model: 'whisper-1', responseFormat: 'verbose_json' });
    expect(heard).toMatchObject({
      kind: 'text',
      language: 'kk',
      usage: { model: 'whisper-1', inputTokens: 0, outputTokens: 0, audioSeconds: 3 },
    });
  });
});

describe('failures', () => {
  it('a failing transcription is thrown; the retry reads the staged copy instead of downloading again', async () => {
    const note = noteOf(audio.amr, 'audio/amr');
    openAi.transcribeWith(() => ({ status: 500, body: { error: { message: 'The server had an error', type: 'server_error' } } }));
    await expect(voice().transcribe(customer, note)).rejects.toBeInstanceOf(InternalServerError);
    expect(downloads()).toHaveLength(1);

    graphRequests.length = 0;
    expect(await voice().transcribe(customer, note)).toMatchObject({ kind: 'text', text: 'Хочу серый диван до трёхсот тысяч' });
    expect(graphRequests).toEqual([]);
  });

  it('a Graph API error is thrown too', async () => {
    graph.setFaults(() => ({
      status: 500,
      body: { error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1, fbtrace_id: 'x' } },
    }));
    const client = new GraphClient({
      baseUrl: graph.baseUrl,
      apiVersion: 'v26.0',
      accessToken: GRAPH_TOKEN,
      phoneNumberId: PHONE_NUMBER_ID,
      retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
    const failing = buildMediaServices({
      env: parseEnvironment({ MEDIA_BUCKET: BUCKET, OPENAI_MODEL: 'gpt-4o-mini' }),
      openai: createOpenAiClient({ apiKey: 'sk-test', baseURL: openAi.baseURL, maxRetries: 0 }),
      graph: async () => client,
      s3: s3Client,
    }).voice;
    await expect(failing.transcribe(customer, noteOf(audio.ogg, 'audio/ogg'))).rejects.toMatchObject({ name: 'GraphApiError' });
  });
});
