import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { STATIC_SYSTEM_PROMPT } from '../functions/domain/assistant/prompts';
import type { LedgerRow } from '../functions/domain/cost/ledgerRow';
import { costOf, modelPrices, regionalPrices } from '../functions/domain/cost/priceLookup';
import type { Pricing } from '../functions/domain/cost/pricingSchema';
import type { ChatRequestBody } from '../test/support/fakeOpenAiServer';
import type { ChatLine } from '../test/support/runningZeta';
import type { ScriptedTurn } from './mixedConversation';
import { PromptCacheModel, promptTokensOf } from './promptCacheModel';

/**
 * The spec's design priced from the same run: the same model calls, but each
 * with the last ten WhatsApp messages as the customer saw them (not the
 * assistant's compact memory) and one system prompt that holds the
 * customer's context; whisper-1 instead of gpt-4o-mini-transcribe; x86
 * instead of arm64 Lambda. Both designs' calls are re-priced with one prompt
 * cache model (PromptCacheModel), so that the difference is the design's.
 */
export interface ModelCall {
  request: ChatRequestBody;
  /** When the fake model received it. */
  at: number;
}

export type Placement = 'context after the instructions' | 'context before the instructions';

export interface SpecCall {
  ourPrompt: number;
  ourCached: number;
  ourHistory: number;
  specHistory: number;
  spec: Record<Placement, { prompt: number; cached: number }>;
}

export interface SpecComparison {
  calls: SpecCall[];
  /** Calls that could not be tied to a scripted message (none expected). */
  unmatched: number;
  deltaUsd: { chat: Record<Placement, number>; whisper: number; x86: number };
  audioSeconds: number;
  lambdaGbSeconds: number;
}

const HISTORY_MESSAGES = 10;
const NAME_LINE = /- Имя клиента: (\S+)/;

/** A chat line as the customer saw it, in words: what a design that keeps raw messages would send back to the model. */
function shownText(line: ChatLine, transcript: string): string {
  const payload = line.payload as {
    type?: string;
    text?: { body?: string };
    audio?: unknown;
    interactive?: {
      body?: { text?: string };
      button_reply?: { title?: string };
      list_reply?: { title?: string };
      action?: {
        sections?: Array<{ rows: Array<{ title: string; description?: string }> }>;
        buttons?: Array<{ reply: { title: string } }>;
      };
    };
    template?: { components?: Array<{ parameters?: Array<{ text?: string }> }> };
  };
  if (line.direction === 'in') {
    if (payload.audio !== undefined) return transcript;
    return payload.text?.body ?? payload.interactive?.button_reply?.title ?? payload.interactive?.list_reply?.title ?? '';
  }
  const interactive = payload.interactive;
  const parts = [
    payload.text?.body,
    interactive?.body?.text,
    ...(interactive?.action?.sections ?? []).flatMap((section) => section.rows.map((row) => `${row.title} — ${row.description ?? ''}`)),
    ...(interactive?.action?.buttons ?? []).map((button) => button.reply.title),
    ...(payload.template?.components ?? []).flatMap((component) => (component.parameters ?? []).map((parameter) => parameter.text ?? '')),
  ];
  return parts.filter((part): part is string => part !== undefined && part !== '').join('\n');
}

function inputUsd(pricing: Pricing, model: string, prompt: number, cached: number): number {
  const prices = modelPrices(pricing, model);
  if (prices?.input === undefined) throw new Error(`no input price for ${model}`);
  return costOf(prices.input, prompt - cached) + costOf(prices.cachedInput ?? prices.input, cached);
}

export function compareWithSpecDesign(
  calls: readonly ModelCall[],
  turns: readonly ScriptedTurn[],
  customerOfName: ReadonlyMap<string, string>,
  rows: readonly LedgerRow[],
  pricing: Pricing,
  options: { region: string; transcript: string; chatModel: string; transcribeModel: string },
): SpecComparison {
  const ours = new PromptCacheModel();
  const spec: Record<Placement, PromptCacheModel> = {
    'context after the instructions': new PromptCacheModel(),
    'context before the instructions': new PromptCacheModel(),
  };
  const compared: SpecCall[] = [];
  let unmatched = 0;
  const deltaChat: Record<Placement, number> = { 'context after the instructions': 0, 'context before the instructions': 0 };

  for (const { request, at } of calls) {
    const ourCached = ours.cachedTokens(request);
    const ourPrompt = promptTokensOf(request);
    const context = String(request.messages[1]?.content ?? '');
    const waId = customerOfName.get(NAME_LINE.exec(context)?.[1] ?? '');
    const turn = turns.find((candidate) => candidate.waId === waId && candidate.sentAt <= at && at <= candidate.answeredAt);
    if (turn === undefined) {
      unmatched += 1;
      continue;
    }
    const current = request.messages.findLastIndex((message) => message.role === 'user');
    const history = request.messages.slice(2, current);
    const specHistory: ChatCompletionMessageParam[] = turn.before
      .slice(-HISTORY_MESSAGES)
      .map((line) => ({ role: line.direction === 'in' ? 'user' : 'assistant', content: shownText(line, options.transcript) }));
    const call: SpecCall = {
      ourPrompt,
      ourCached,
      ourHistory: promptTokensOf({ messages: history }),
      specHistory: promptTokensOf({ messages: specHistory }),
      spec: {} as SpecCall['spec'],
    };
    for (const placement of Object.keys(spec) as Placement[]) {
      const system =
        placement === 'context after the instructions' ? `${STATIC_SYSTEM_PROMPT}\n\n${context}` : `${context}\n\n${STATIC_SYSTEM_PROMPT}`;
      const hypothetical: ChatRequestBody = {
        ...request,
        messages: [{ role: 'system', content: system }, ...specHistory, ...request.messages.slice(current)],
      };
      const prompt = promptTokensOf(hypothetical);
      const cached = spec[placement].cachedTokens(hypothetical);
      call.spec[placement] = { prompt, cached };
      deltaChat[placement] +=
        inputUsd(pricing, options.chatModel, prompt, cached) - inputUsd(pricing, options.chatModel, ourPrompt, ourCached);
    }
    compared.push(call);
  }

  const audioSeconds = rows.reduce((sum, row) => sum + (row.quantities.openaiAudioSeconds ?? 0), 0);
  const lambdaGbSeconds = rows.reduce((sum, row) => sum + (row.quantities.lambdaGbSeconds ?? 0), 0);
  const whisper = modelPrices(pricing, 'whisper-1')?.audioMinute;
  const transcribe = modelPrices(pricing, options.transcribeModel)?.audioMinute;
  if (whisper === undefined || transcribe === undefined) throw new Error('no audio minute price');
  const { prices } = regionalPrices(pricing, options.region);
  return {
    calls: compared,
    unmatched,
    deltaUsd: {
      chat: deltaChat,
      whisper: costOf(whisper, audioSeconds / 60) - costOf(transcribe, audioSeconds / 60),
      x86: costOf(prices.lambdaGbSecond.x86_64, lambdaGbSeconds) - costOf(prices.lambdaGbSecond.arm64, lambdaGbSeconds),
    },
    audioSeconds,
    lambdaGbSeconds,
  };
}
