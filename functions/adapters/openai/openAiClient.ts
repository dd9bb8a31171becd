import OpenAI from 'openai';

export interface OpenAiClientOptions {
  /**
   * A function is called before each request (the SDK's ApiKeySetter): the
   * consumer reads the key from the secret through the secrets loader, which
   * caches it, so a key filled in or rotated after deploy is picked up.
   */
  apiKey: string | (() => Promise<string>);
  /** Another OpenAI-compatible endpoint: the fake server in tests and `npm start` demos. */
  baseURL?: string;
  /** Per request; the SDK's own default is ten minutes, far past what a WhatsApp customer waits. */
  timeoutMs?: number;
  /** The SDK retries connection errors, 408, 409, 429 and 5xx; one retry, then the offline assistant answers. */
  maxRetries?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_RETRIES = 1;

/** The OpenAI client, created once per cold start by the composition root and shared by every turn. */
export function createOpenAiClient(options: OpenAiClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL !== undefined ? { baseURL: options.baseURL } : {}),
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
  });
}
