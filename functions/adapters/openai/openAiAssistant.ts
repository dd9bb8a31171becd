import type OpenAI from 'openai';
import { chatUsage } from './chatUsage';
import { APIConnectionTimeoutError, APIUserAbortError } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageFunctionToolCall,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import type { MemoryEntry } from '../../domain/conversation/ports';
import type { Language } from '../../domain/language';
import type { AiUsage, AiUsageBooking } from '../../domain/assistant/aiUsage';
import type { AssistantEngine } from '../../domain/assistant/assistantEngine';
import type { AssistantReply } from '../../domain/assistant/assistantReply';
import { AssistantTimeoutError } from '../../domain/assistant/fallbackAssistant';
import { removeInventedPrices } from '../../domain/assistant/priceGuard';
import { INSTRUCTIONS_GUARD, STATIC_SYSTEM_PROMPT, turnSystemPrompt } from '../../domain/assistant/prompts';
import { InvalidToolArgumentsError, UnknownToolError, type ToolOutcome, type Toolbox } from '../../domain/assistant/toolbox';
import type { TurnContext } from '../../domain/assistant/turnContext';
import { afterShowing, withSearch } from '../../domain/dialogue/dialogueState';
import { discountPercent, productsMessage, type ImageUrlResolver } from '../../domain/replies/productMessages';

export interface OpenAiAssistantOptions {
  client: OpenAI;
  model: string;
  toolbox: Toolbox;
  imageUrlOf: ImageUrlResolver;
  /** The words above the products when the price guard leaves nothing of the model's text. */
  neutralIntro: (language: Language) => string;
  /** The answer instead of a reply that recites the instructions (a prompt injection that worked on the model). */
  instructionsPrivate: (language: Language) => string;
  /** Rounds of tool calls before the model must answer in words; defaults to 4. */
  maxToolRounds?: number;
  /**
   * The whole turn's time with the model, all rounds and retries together;
   * past it the offline assistant answers. Defaults to 25 s: well inside the
   * consumer's 60 s timeout, and longer than a customer waits happily.
   */
  turnDeadlineMs?: number;
  temperature?: number;
  /** Books every completion as it comes back (the spending caps, the cost ledger). */
  book?: AiUsageBooking;
  /** The most a reply may be: a WhatsApp answer is a few hundred tokens; a runaway answer must not cost more. Defaults to 700. */
  maxOutputTokens?: number;
  /** Hosts a link in the model's words may point at (the store's own site); a sentence with any other link is dropped. */
  allowedLinkHosts?: readonly string[];
}

const DEFAULT_MAX_TOOL_ROUNDS = 4;
export const DEFAULT_TURN_DEADLINE_MS = 25_000;
const DEFAULT_MAX_OUTPUT_TOKENS = 700;
// What a request that timed out is booked at: its prompt by this rule of thumb, and the whole output cap (the API may have billed it).
const CHARS_PER_TOKEN_ESTIMATE = 4;
// Ten exchanges, a customer message and a reply each.
const HISTORY_MESSAGES = 20;

interface ToolCallResult {
  /** What the model reads back. */
  content: unknown;
  outcome?: ToolOutcome;
}

/**
 * The assistant that lets an OpenAI model talk and choose tools, while the
 * products and prices the customer sees come only from the tools' outcomes
 * and the model's words pass the price guard.
 */
export class OpenAiAssistant implements AssistantEngine {
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly toolbox: Toolbox;
  private readonly imageUrlOf: ImageUrlResolver;
  private readonly neutralIntro: (language: Language) => string;
  private readonly instructionsPrivate: (language: Language) => string;
  private readonly maxToolRounds: number;
  private readonly temperature: number | undefined;
  private readonly turnDeadlineMs: number;
  private readonly tools: ChatCompletionTool[];
  private readonly allowedLinkHosts: readonly string[];
  private readonly book: AiUsageBooking;
  private readonly maxOutputTokens: number;

  constructor(options: OpenAiAssistantOptions) {
    this.client = options.client;
    this.model = options.model;
    this.toolbox = options.toolbox;
    this.imageUrlOf = options.imageUrlOf;
    this.neutralIntro = options.neutralIntro;
    this.instructionsPrivate = options.instructionsPrivate;
    this.maxToolRounds = options.maxToolRounds ?? DEFAULT_MAX_TOOL_ROUNDS;
    this.temperature = options.temperature;
    this.turnDeadlineMs = options.turnDeadlineMs ?? DEFAULT_TURN_DEADLINE_MS;
    this.allowedLinkHosts = options.allowedLinkHosts ?? [];
    this.book = options.book ?? (async () => undefined);
    this.maxOutputTokens = options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
    this.tools = options.toolbox.definitions.map((definition) => ({
      type: 'function',
      function: { name: definition.name, description: definition.description, parameters: definition.parameters },
    }));
  }

  async respond(context: TurnContext): Promise<AssistantReply> {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: STATIC_SYSTEM_PROMPT },
      { role: 'system', content: turnSystemPrompt(context) },
      ...context.recent.slice(-HISTORY_MESSAGES).map(historyMessage),
      { role: 'user', content: context.text },
    ];
    const usage: AiUsage[] = [];
    const outcomes: ToolOutcome[] = [];
    const deadline = AbortSignal.timeout(this.turnDeadlineMs);
    // Each round may call tools; the round after the last allowed one must answer in words, so a turn makes at most maxToolRounds + 1 requests.
    for (let round = 0; ; round++) {
      const toolsAllowed = round < this.maxToolRounds;
      const completion = await this.complete(messages, toolsAllowed, deadline, context.customer.waId);
      if (completion.usage) {
        const used = chatUsage(this.model, completion.usage);
        usage.push(used);
        await this.book(context.customer.waId, used);
      }
      const message = completion.choices[0]?.message;
      const calls = toolsAllowed ? (message?.tool_calls ?? []).filter(isFunctionCall) : [];
      if (calls.length === 0) return this.reply(context, message?.content ?? '', outcomes, usage);

      messages.push({ role: 'assistant', content: message?.content ?? null, tool_calls: calls });
      const results = await Promise.all(calls.map((call) => this.callTool(call, context)));
      calls.forEach((call, index) => {
        const result = results[index]!;
        messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result.content) });
        if (result.outcome) outcomes.push(result.outcome);
      });
    }
  }

  private async complete(
    messages: ChatCompletionMessageParam[],
    toolsAllowed: boolean,
    deadline: AbortSignal,
    customerWaId: string,
  ): Promise<ChatCompletion> {
    const request: ChatCompletionCreateParamsNonStreaming = {
      model: this.model,
      messages,
      max_completion_tokens: this.maxOutputTokens,
      // The tools stay in every request, even when none may be called: they are part of the cached prompt prefix.
      // Parallel calls (a search and track_preference in one round) save a round trip; they rule out OpenAI's strict
      // schema mode, so the toolbox checks every argument itself.
      ...(this.tools.length > 0 ? { tools: this.tools, tool_choice: toolsAllowed ? 'auto' : 'none', parallel_tool_calls: true } : {}),
      ...(this.temperature !== undefined ? { temperature: this.temperature } : {}),
    };
    try {
      return await this.client.chat.completions.create(request, { signal: deadline });
    } catch (error) {
      if (error instanceof APIConnectionTimeoutError || (error instanceof APIUserAbortError && deadline.aborted)) {
        // The request may have been billed although its answer never came: booked at its prompt and the whole output cap.
        await this.book(customerWaId, {
          model: this.model,
          inputTokens: Math.ceil(JSON.stringify(request.messages).length / CHARS_PER_TOKEN_ESTIMATE),
          cachedInputTokens: 0,
          outputTokens: this.maxOutputTokens,
        });
        throw new AssistantTimeoutError('OpenAI did not answer in time', { cause: error });
      }
      throw error;
    }
  }

  /** Mistakes the model can correct come back to it as `{ error }`; any other failure ends the turn (the fallback answers). */
  private async callTool(call: ChatCompletionMessageFunctionToolCall, context: TurnContext): Promise<ToolCallResult> {
    let args: unknown;
    try {
      args = JSON.parse(call.function.arguments || '{}');
    } catch {
      return { content: { error: 'The arguments are not valid JSON.' } };
    }
    try {
      const outcome = await this.toolbox.execute(call.function.name, args, context);
      return { content: outcome.result, outcome };
    } catch (error) {
      if (error instanceof InvalidToolArgumentsError || error instanceof UnknownToolError) return { content: { error: error.message } };
      throw error;
    }
  }

  private reply(context: TurnContext, modelText: string, outcomes: readonly ToolOutcome[], usage: AiUsage[]): AssistantReply {
    const { language } = context;
    // A reply that recites the instructions is dropped whole: the model followed the customer's text, not the store's rules.
    const recited = INSTRUCTIONS_GUARD.recites(modelText);
    // The products of the last search or recommendation are what the model's last words are about; an empty result shows none.
    const shown = recited ? [] : (outcomes.findLast((outcome) => outcome.products !== undefined)?.products ?? []);
    const products = outcomes.flatMap((outcome) => outcome.products ?? []);
    const catalogPrices = products.flatMap((product) => [product.price, product.oldPrice ?? product.price]);
    const percents = products.flatMap((product) => discountPercent(product) ?? []);
    const text = recited
      ? this.instructionsPrivate(language)
      : removeInventedPrices(modelText, catalogPrices, { percents, allowedLinkHosts: this.allowedLinkHosts }) ||
        this.neutralIntro(language);
    const names = shown.map((product) => product.name);
    const search = outcomes.findLast((outcome) => outcome.search !== undefined)?.search;
    const dialogue = afterShowing(
      search ? withSearch(context.dialogue, search) : context.dialogue,
      shown.map((product) => product.id),
    );
    return {
      messages: [productsMessage(shown, text, language, this.imageUrlOf)],
      language,
      summary: names.length > 0 ? `${text} ${names.join('; ')}` : text,
      intent: outcomes.findLast((outcome) => outcome.intent !== undefined)?.intent ?? 'chat',
      productIds: shown.map((product) => product.id),
      engine: 'openai',
      usage,
      preferenceSignals: outcomes.flatMap((outcome) => outcome.preferences ?? []),
      handoffRequested: outcomes.some((outcome) => outcome.handoff === true),
      dialogue,
    };
  }
}

function historyMessage(entry: MemoryEntry): ChatCompletionMessageParam {
  return entry.role === 'customer' ? { role: 'user', content: entry.text } : { role: 'assistant', content: entry.text };
}

function isFunctionCall(call: { type: string }): call is ChatCompletionMessageFunctionToolCall {
  return call.type === 'function';
}
