import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * OpenAI's transcription endpoint on 127.0.0.1, strict about uploads the way
 * the real one is: the file's extension must be one the API documents and
 * the bytes must really be in that format (sniffed, not taken from the name
 * or the content type). It records every upload with its bytes, so a test
 * can check what was sent (converted or not, mono 16 kHz…).
 *
 * test/support/fakeOpenAiServer.ts serves chat completions and transcriptions
 * for the assistant, but its transcription requests do not keep the file's
 * bytes, which these tests need.
 */

export type SniffedFormat = 'ogg' | 'mp3' | 'mp4' | 'wav' | 'flac' | 'webm' | 'amr' | 'aac' | 'unknown';

export interface ReceivedUpload {
  model: string;
  fileName: string;
  contentType: string;
  /** What the bytes are, by their magic numbers. */
  format: SniffedFormat;
  /** For OGG: the codec in its first page ("opus", "vorbis"). */
  oggCodec?: 'opus' | 'vorbis';
  bytes: Buffer;
  responseFormat: string;
  language?: string;
}

export interface ScriptedTranscript {
  text: string;
  /** whisper-1's verbose_json names it in English: "russian", "kazakh", "english". */
  language?: string;
  /** Seconds; defaults to 3. */
  duration?: number;
}

export type ScriptedFailure = { status: number; body: unknown };
export type TranscriptionScript = (upload: ReceivedUpload) => ScriptedTranscript | ScriptedFailure;

export interface FakeOpenAiMedia {
  /** For the SDK's `baseURL`. */
  baseURL: string;
  uploads: ReceivedUpload[];
  /** Scripts the next transcriptions, one each; then `defaultTranscript` answers. */
  transcribeWith(...scripts: TranscriptionScript[]): void;
  close(): Promise<void>;
}

/** The extensions the API documents for uploads, and the format each must hold. */
const ACCEPTED: Readonly<Record<string, SniffedFormat>> = {
  flac: 'flac',
  mp3: 'mp3',
  mpga: 'mp3',
  mpeg: 'mp3',
  mp4: 'mp4',
  m4a: 'mp4',
  ogg: 'ogg',
  oga: 'ogg',
  wav: 'wav',
  webm: 'webm',
};

export async function startFakeOpenAiMedia(options: { defaultTranscript?: ScriptedTranscript } = {}): Promise<FakeOpenAiMedia> {
  const defaultTranscript = options.defaultTranscript ?? { text: 'Хочу серый диван до трёхсот тысяч', language: 'russian' };
  const uploads: ReceivedUpload[] = [];
  const scripts: TranscriptionScript[] = [];

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, apiError(String(error), 'server_error'));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'POST' || path !== '/v1/audio/transcriptions') {
      sendJson(response, 404, apiError(`No fake for ${request.method} ${path}`));
      return;
    }
    if (request.headers.authorization === undefined) {
      sendJson(response, 401, apiError('You did not provide an API key.'));
      return;
    }
    const upload = await readUpload(request);
    uploads.push(upload);
    const extension = upload.fileName.split('.').pop()?.toLowerCase() ?? '';
    const expected = ACCEPTED[extension];
    if (expected === undefined || expected !== upload.format) {
      sendJson(response, 400, apiError(`Invalid file format. Supported formats: ${JSON.stringify(Object.keys(ACCEPTED))}`));
      return;
    }
    const answer = (scripts.shift() ?? (() => defaultTranscript))(upload);
    if ('status' in answer) {
      sendJson(response, answer.status, answer.body);
      return;
    }
    sendJson(response, 200, transcriptBody(upload, answer));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    uploads,
    transcribeWith: (...next) => scripts.push(...next),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What each model answers: whisper-1's verbose_json bills seconds, the gpt-4o models' json bills tokens. */
function transcriptBody(upload: ReceivedUpload, transcript: ScriptedTranscript): Record<string, unknown> {
  const duration = transcript.duration ?? 3;
  if (upload.responseFormat === 'verbose_json') {
    return {
      task: 'transcribe',
      language: transcript.language ?? 'russian',
      duration,
      text: transcript.text,
      segments: [],
      usage: { type: 'duration', seconds: Math.ceil(duration) },
    };
  }
  // gpt-4o-mini-transcribe bills about 10 audio tokens a second.
  const audioTokens = Math.ceil(duration * 10);
  const outputTokens = Math.max(1, Math.ceil(transcript.text.length / 4));
  return {
    text: transcript.text,
    usage: {
      type: 'tokens',
      input_tokens: audioTokens,
      input_token_details: { audio_tokens: audioTokens, text_tokens: 0 },
      output_tokens: outputTokens,
      total_tokens: audioTokens + outputTokens,
    },
  };
}

async function readUpload(request: IncomingMessage): Promise<ReceivedUpload> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const form = await new Request('http://localhost/', {
    method: 'POST',
    headers: { 'content-type': request.headers['content-type'] ?? '' },
    body: Buffer.concat(chunks),
  }).formData();
  const file = form.get('file');
  if (!(file instanceof File)) throw new Error('The transcription request has no file');
  const bytes = Buffer.from(await file.arrayBuffer());
  const language = form.get('language');
  const oggCodec = sniffOggCodec(bytes);
  return {
    model: String(form.get('model') ?? ''),
    fileName: file.name,
    contentType: file.type,
    format: sniff(bytes),
    ...(oggCodec === undefined ? {} : { oggCodec }),
    bytes,
    responseFormat: String(form.get('response_format') ?? 'json'),
    ...(typeof language === 'string' ? { language } : {}),
  };
}

export function sniff(bytes: Buffer): SniffedFormat {
  const ascii = (start: number, end: number) => bytes.toString('latin1', start, end);
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(0, 5) === '#!AMR') return 'amr';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  if (ascii(4, 8) === 'ftyp') return 'mp4';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  if (ascii(0, 3) === 'ID3') return 'mp3';
  // MPEG audio frame sync: layer bits 00 are ADTS (AAC), 01 are layer III (MP3).
  const [first = 0, second = 0] = bytes;
  if (first === 0xff && (second & 0xe0) === 0xe0) return ((second >> 1) & 0b11) === 0 ? 'aac' : 'mp3';
  return 'unknown';
}

function sniffOggCodec(bytes: Buffer): 'opus' | 'vorbis' | undefined {
  const firstPage = bytes.toString('latin1', 0, 128);
  if (!firstPage.startsWith('OggS')) return undefined;
  if (firstPage.includes('OpusHead')) return 'opus';
  return firstPage.includes('vorbis') ? 'vorbis' : undefined;
}

function apiError(message: string, type = 'invalid_request_error') {
  return { error: { message, type, param: null, code: null } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
