import { createHash } from 'node:crypto';
import type { ChatRequestBody } from '../test/support/fakeOpenAiServer';

// As the fake OpenAI server counts: four characters a token.
const CHARS_PER_TOKEN = 4;
// OpenAI caches prompts from 1024 tokens, in steps of 128.
const BLOCK_TOKENS = 128;
const MINIMUM_TOKENS = 1024;
const BLOCK_CHARS = BLOCK_TOKENS * CHARS_PER_TOKEN;

type PromptParts = Pick<ChatRequestBody, 'tools' | 'messages'>;

function serialized(request: PromptParts): string {
  return JSON.stringify(request.tools ?? []) + JSON.stringify(request.messages);
}

/** The prompt tokens a request is billed for, counted as the fake OpenAI server counts them. */
export function promptTokensOf(request: PromptParts): number {
  return Math.ceil(serialized(request).length / CHARS_PER_TOKEN);
}

/**
 * OpenAI's prompt caching as documented: a request reuses the longest run of
 * 128-token blocks from its start that an earlier request began with, from
 * 1024 tokens on. Unlike the fake server's whole-message rule, a shared
 * prefix may end inside a message, which is fair to a design whose one
 * system message starts with the same instructions for everyone. Cache
 * expiry (minutes of idleness) is left out: a store's traffic keeps a common
 * prefix warm.
 */
export class PromptCacheModel {
  private readonly seen = new Set<string>();

  cachedTokens(request: PromptParts): number {
    const text = serialized(request);
    const hash = createHash('sha256');
    const blocks: string[] = [];
    let cachedBlocks = 0;
    for (let start = 0; start + BLOCK_CHARS <= text.length; start += BLOCK_CHARS) {
      hash.update(text.slice(start, start + BLOCK_CHARS));
      const key = hash.copy().digest('base64');
      if (cachedBlocks === blocks.length && this.seen.has(key)) cachedBlocks += 1;
      blocks.push(key);
    }
    for (const key of blocks) this.seen.add(key);
    const tokens = cachedBlocks * BLOCK_TOKENS;
    return tokens >= MINIMUM_TOKENS ? tokens : 0;
  }
}
