import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';

export type ChatRequestBody = ChatCompletionCreateParamsNonStreaming;

/** A reply with an HTTP status of its own: errors such as `{ status: 500, body: { error: … } }`. */
export interface RawReply {
  status: number;
  body: unknown;
}

/** An answer sent only after `afterMs`: a slow model minute. */
export interface DelayedReply {
  afterMs: number;
  reply: ChatCompletion | RawReply;
}

/** A completion without `usage` gets realistic usage filled in; 'hang' never answers (for client timeouts). */
export type ChatResponder = (request: ChatRequestBody) => ChatCompletion | RawReply | DelayedReply | 'hang';

export interface TranscriptionRequest {
  model: string;
  fileName: string;
  fileSize: number;
  mimeType: string;
  language?: string;
  responseFormat: string;
}

export interface Transcript {
  text: string;
  /** As whisper's verbose_json names it: "russian", "kazakh", "english". */
  language: string;
  /** Seconds. */
  duration: number;
}

export type TranscriptionResponder = (request: TranscriptionRequest) => Transcript | RawReply | 'hang';

export interface FakeOpenAiServer {
  /** For the SDK's `baseURL`: http://127.0.0.1:<port>/v1 */
  baseURL: string;
  /** Every chat request body, in order. */
  chatRequests: ChatRequestBody[];
  transcriptionRequests: TranscriptionRequest[];
  /** The bearer token of every request, in order: which API key the client used. */
  apiKeys: string[];
  /** Queues responders for the next chat requests, one each; when the queue is empty the default responder answers. */
  respondWith(...responders: ChatResponder[]): void;
  transcribeWith(...responders: TranscriptionResponder[]): void;
  close(): Promise<void>;
}

export interface FakeOpenAiServerOptions {
  defaultResponder?: ChatResponder;
  defaultTranscript?: Transcript;
}

const CHARS_PER_TOKEN = 4;
// OpenAI caches prompts from 1024 tokens, in steps of 128.
const CACHE_MINIMUM_TOKENS = 1024;
const CACHE_STEP_TOKENS = 128;

let ids = 0;
const nextId = (prefix: string) => `${prefix}-fake-${++ids}`;

/** A completion whose message is text. */
export function textCompletion(text: string, model = 'fake-model'): ChatCompletion {
  return completion(model, { role: 'assistant', content: text, refusal: null }, 'stop');
}

/** A completion whose message calls tools (several at once: parallel tool calls). */
export function toolCallCompletion(calls: ReadonlyArray<{ name: string; arguments: unknown }>, model = 'fake-model'): ChatCompletion {
  const toolCalls: ChatCompletionMessageFunctionToolCall[] = calls.map((call) => ({
    id: nextId('call'),
    type: 'function',
    function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
  }));
  return completion(model, { role: 'assistant', content: null, refusal: null, tool_calls: toolCalls }, 'tool_calls');
}

function completion(
  model: string,
  message: ChatCompletion.Choice['message'],
  finishReason: ChatCompletion.Choice['finish_reason'],
): ChatCompletion {
  return {
    id: nextId('chatcmpl'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
  };
}

// Stems, not words: «диван», «диваны», «диванчик» all start the same.
const CATEGORY_STEMS: ReadonlyArray<readonly [string, string]> = [
  ['журнальн', 'coffee_table'],
  ['обеденн', 'dining_table'],
  ['письменн', 'desk'],
  ['диван', 'sofa'],
  ['кресл', 'armchair'],
  ['стул', 'chair'],
  ['кроват', 'bed'],
  ['матрас', 'mattress'],
  ['шкаф', 'wardrobe'],
  ['комод', 'dresser'],
  ['стеллаж', 'shelf'],
  ['тумб', 'tv_stand'],
  ['стол', 'dining_table'],
];
const COLOR_STEMS: ReadonlyArray<readonly [string, string]> = [
  ['сер', 'grey'],
  ['бел', 'white'],
  ['черн', 'black'],
  ['чёрн', 'black'],
  ['син', 'blue'],
  ['красн', 'red'],
  ['зелен', 'green'],
  ['зелён', 'green'],
  ['беж', 'beige'],
  ['коричн', 'brown'],
  ['желт', 'yellow'],
  ['жёлт', 'yellow'],
];

function contentText(message: ChatCompletionMessageParam | undefined): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => ('text' in part ? part.text : '')).join(' ');
}

/**
 * A test double of a model for Russian furniture requests, by simple rules: a
 * message naming furniture gets a search_products call (category, color and
 * «до N тыс» read by stems), a tool result gets one short sentence, anything
 * else a greeting.
 */
export const furnitureResponder: ChatResponder = (request) => {
  const last = request.messages.at(-1);
  if (last?.role === 'tool') {
    const result = JSON.parse(contentText(last)) as { error?: string; products?: unknown[] };
    if (result.error !== undefined) return textCompletion('Не получилось найти, уточните, пожалуйста, что ищете.', request.model);
    if (result.products?.length === 0)
      return textCompletion('К сожалению, ничего не нашлось — попробуйте другой цвет или бюджет.', request.model);
    return textCompletion('Вот что нашлось — выберите, чтобы посмотреть подробности.', request.model);
  }
  const text = contentText(request.messages.findLast((message) => message.role === 'user')).toLowerCase();
  const category = CATEGORY_STEMS.find(([stem]) => text.includes(stem))?.[1];
  if (category === undefined) return textCompletion('Здравствуйте! Помогу подобрать мебель ZETA — напишите, что ищете.', request.model);
  const color = COLOR_STEMS.find(([stem]) => new RegExp(`(^|[^а-яё])${stem}`).test(text))?.[1];
  const budget = /до\s*(\d(?:[\d ]*\d)?)\s*(тыс|к|k)?/.exec(text);
  const budgetMax = budget ? Number(budget[1]!.replace(/\s/g, '')) * (budget[2] ? 1000 : 1) : undefined;
  return toolCallCompletion(
    [{ name: 'search_products', arguments: { category, ...(color ? { color } : {}), ...(budgetMax ? { budget_max: budgetMax } : {}) } }],
    request.model,
  );
};

const DEFAULT_TRANSCRIPT: Transcript = { text: 'Покажите серый диван до 300 тысяч', language: 'russian', duration: 2.4 };

/** An OpenAI-compatible HTTP server on 127.0.0.1 for tests and demos: chat completions with tools, and audio transcriptions. */
export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const defaultResponder = options.defaultResponder ?? furnitureResponder;
  const defaultTranscript = options.defaultTranscript ?? DEFAULT_TRANSCRIPT;
  const chatQueue: ChatResponder[] = [];
  const transcriptionQueue: TranscriptionResponder[] = [];
  const chatRequests: ChatRequestBody[] = [];
  const transcriptionRequests: TranscriptionRequest[] = [];
  const apiKeys: string[] = [];
  const seenPrefixes: PrefixIndex = new Map();

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { message: String(error), type: 'server_error' } });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    apiKeys.push(String(request.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (request.method === 'POST' && path === '/v1/chat/completions') {
      const chat = JSON.parse(body.toString('utf8')) as ChatRequestBody;
      const cachedTokens = cachedTokensFor(chat, seenPrefixes);
      chatRequests.push(chat);
      let answer = (chatQueue.shift() ?? defaultResponder)(chat);
      if (answer === 'hang') return;
      if ('afterMs' in answer) {
        const { afterMs, reply } = answer;
        await new Promise((resolve) => setTimeout(resolve, afterMs));
        answer = reply;
      }
      if (isRawReply(answer)) return sendJson(response, answer.status, answer.body);
      return sendJson(response, 200, { ...answer, usage: answer.usage ?? usageFor(chat, answer, cachedTokens) });
    }
    if (request.method === 'POST' && path === '/v1/audio/transcriptions') {
      const transcription = await readTranscriptionRequest(request, body);
      transcriptionRequests.push(transcription);
      const answer = (transcriptionQueue.shift() ?? (() => defaultTranscript))(transcription);
      if (answer === 'hang') return;
      if (isRawReply(answer)) return sendJson(response, answer.status, answer.body);
      return sendTranscript(response, transcription.responseFormat, answer);
    }
    sendJson(response, 404, { error: { message: `No fake for ${request.method} ${path}`, type: 'invalid_request_error' } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    chatRequests,
    transcriptionRequests,
    apiKeys,
    respondWith: (...responders) => chatQueue.push(...responders),
    transcribeWith: (...responders) => transcriptionQueue.push(...responders),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests hold their sockets open; close them so the server can stop.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function isRawReply(answer: object): answer is RawReply {
  return 'status' in answer && typeof answer.status === 'number' && 'body' in answer;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const tokensIn = (characters: number) => Math.ceil(characters / CHARS_PER_TOKEN);

/** Every leading run (tools, then the first k messages) of the requests so far, by hash, with its length in characters. */
type PrefixIndex = Map<string, number>;

/**
 * What OpenAI would report as cached: the longest run of leading messages
 * (after the same tools) that an earlier request also began with, counted
 * when at least 1024 tokens and rounded down to 128. Earlier requests are
 * kept as hashes of their prefixes, so a load of thousands stays linear.
 */
function cachedTokensFor(request: ChatRequestBody, seen: PrefixIndex): number {
  const tools = JSON.stringify(request.tools ?? []);
  const hash = createHash('sha256').update(tools);
  let length = tools.length;
  const prefixes: Array<[string, number]> = [[hash.copy().digest('base64'), length]];
  for (const message of request.messages) {
    // JSON escapes control characters, so the separator cannot occur inside a message.
    const json = JSON.stringify(message);
    hash.update(`\u0000${json}`);
    length += json.length;
    prefixes.push([hash.copy().digest('base64'), length]);
  }
  let best = 0;
  for (const [key, shared] of prefixes) if (seen.has(key)) best = Math.max(best, tokensIn(shared));
  for (const [key, shared] of prefixes) seen.set(key, shared);
  return best < CACHE_MINIMUM_TOKENS ? 0 : Math.floor(best / CACHE_STEP_TOKENS) * CACHE_STEP_TOKENS;
}

function usageFor(request: ChatRequestBody, answer: ChatCompletion, cachedTokens: number): NonNullable<ChatCompletion['usage']> {
  const promptTokens = tokensIn(JSON.stringify(request.tools ?? []).length + JSON.stringify(request.messages).length);
  const completionTokens = Math.max(1, tokensIn(JSON.stringify(answer.choices.map((choice) => choice.message)).length));
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: Math.min(cachedTokens, promptTokens), audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/** Parses the multipart form as the SDK sends it, with the platform's own parser. */
async function readTranscriptionRequest(request: IncomingMessage, body: Buffer): Promise<TranscriptionRequest> {
  const form = await new Request('http://localhost/', {
    method: 'POST',
    headers: { 'content-type': request.headers['content-type'] ?? '' },
    body: new Uint8Array(body),
  }).formData();
  const file = form.get('file');
  if (!(file instanceof File)) throw new Error('The transcription request has no file');
  const language = form.get('language');
  return {
    model: String(form.get('model') ?? ''),
    fileName: file.name,
    fileSize: file.size,
    mimeType: file.type,
    ...(typeof language === 'string' ? { language } : {}),
    responseFormat: String(form.get('response_format') ?? 'json'),
  };
}

function sendTranscript(response: ServerResponse, format: string, transcript: Transcript): void {
  if (format === 'text') {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(transcript.text);
    return;
  }
  if (format === 'verbose_json') {
    sendJson(response, 200, {
      task: 'transcribe',
      language: transcript.language,
      duration: transcript.duration,
      text: transcript.text,
      segments: [
        {
          id: 0,
          seek: 0,
          start: 0,
          end: transcript.duration,
          text: transcript.text,
          tokens: [],
          temperature: 0,
          avg_logprob: -0.2,
          compression_ratio: 1,
          no_speech_prob: 0.01,
        },
      ],
    });
    return;
  }
  sendJson(response, 200, { text: transcript.text });
}
