import { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiClient } from '../../functions/adapters/openai/openAiClient';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fakeOpenAiServer';

let server: FakeOpenAiServer;
beforeEach(async () => {
  server = await startFakeOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

const client = () => createOpenAiClient({ apiKey: 'test', baseURL: server.baseURL, maxRetries: 0 });
const voice = () => toFile(Buffer.alloc(4_321, 1), 'voice.ogg', { type: 'audio/ogg' });

describe('fake OpenAI server: audio transcriptions', () => {
  it("answers verbose_json as whisper does and records the upload's size and model", async () => {
    server.transcribeWith(() => ({ text: 'Қызыл диван керек', language: 'kazakh', duration: 1.7 }));
    const transcript = await client().audio.transcriptions.create({
      file: await voice(),
      model: 'whisper-1',
      response_format: 'verbose_json',
      language: 'kk',
    });
    expect(transcript).toMatchObject({ text: 'Қызыл диван керек', language: 'kazakh', duration: 1.7 });
    expect(server.transcriptionRequests).toEqual([
      { model: 'whisper-1', fileName: 'voice.ogg', fileSize: 4_321, mimeType: 'audio/ogg', language: 'kk', responseFormat: 'verbose_json' },
    ]);
  });

  it('answers plain json with the default transcript', async () => {
    const transcript = await client().audio.transcriptions.create({ file: await voice(), model: 'gpt-4o-mini-transcribe' });
    expect(transcript.text).toBe('Покажите серый диван до 300 тысяч');
  });

  it('answers a scripted error', async () => {
    server.transcribeWith(() => ({ status: 400, body: { error: { message: 'Invalid file format.', type: 'invalid_request_error' } } }));
    await expect(client().audio.transcriptions.create({ file: await voice(), model: 'whisper-1' })).rejects.toMatchObject({ status: 400 });
  });
});

describe('fake OpenAI server: chat completions', () => {
  it('greets when the message names no furniture', async () => {
    const completion = await client().chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'Привет' }] });
    expect(completion.choices[0]!.message.content).toMatch(/Здравствуйте/);
    expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(0);
  });

  it('calls search_products with a category, color and budget read by simple rules', async () => {
    const completion = await client().chat.completions.create({
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'Нужен белый шкаф до 250 тыс' }],
    });
    const call = completion.choices[0]!.message.tool_calls?.[0];
    expect(call?.type === 'function' ? JSON.parse(call.function.arguments) : undefined).toEqual({
      category: 'wardrobe',
      color: 'white',
      budget_max: 250_000,
    });
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('answers 404 for endpoints it does not fake', async () => {
    await expect(client().embeddings.create({ model: 'text-embedding-3-small', input: 'диван' })).rejects.toMatchObject({ status: 404 });
  });
});
