import type { AssistantEngine } from './assistantEngine';
import type { AssistantReply } from './assistantReply';
import type { TurnContext } from './turnContext';

/** A search this short names what it wants; longer texts carry conditions and stories the model reads better. */
const PLAIN_SEARCH_WORDS = 10;
/** «привет», «что ты умеешь»: a greeting with a question attached is not a plain greeting. */
const PLAIN_GREETING_WORDS = 3;

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * The requests the offline assistant answers exactly as the model would,
 * with the same tools and reply formatter: a greeting, "what can you do",
 * and a short search that names a category ("покажите серые диваны до 300
 * тысяч"). A question mark sends the turn to the model: «а он
 * раскладывается?» asks about something a search does not answer.
 */
export function isPlainRequest(context: Pick<TurnContext, 'text' | 'understanding'>): boolean {
  const { text, understanding } = context;
  if (text.includes('?')) return false;
  const words = wordCount(text);
  switch (understanding.intent) {
    case 'greeting':
    case 'help':
      return words <= PLAIN_GREETING_WORDS;
    case 'search':
      return understanding.category !== undefined && words <= PLAIN_SEARCH_WORDS;
    default:
      return false;
  }
}

/** The offline assistant as routing needs it: it answers, and it can tell the turns it resolves with confidence. */
export interface ResolvingEngine extends AssistantEngine {
  resolves(context: TurnContext): Promise<boolean>;
}

export type RoutedTurn = 'plain' | 'follow_up';

/**
 * Plain requests go to the offline assistant, and, with `followUps`, so do
 * the follow-ups it resolves with confidence against the conversation («а в
 * белом?», «покажи второй», «доставка в Астану есть?», «спасибо»); everything
 * else goes to the model (itself falling back to the offline assistant): the
 * model is paid for the turns that need it. `npm run bench` measures both.
 */
export class RoutedAssistant implements AssistantEngine {
  constructor(
    private readonly engines: { plain: ResolvingEngine; model: AssistantEngine },
    private readonly onOffline: (kind: RoutedTurn) => void,
    private readonly options: { followUps: boolean } = { followUps: false },
  ) {}

  async respond(context: TurnContext): Promise<AssistantReply> {
    const kind: RoutedTurn | undefined = isPlainRequest(context)
      ? 'plain'
      : this.options.followUps && (await this.engines.plain.resolves(context))
        ? 'follow_up'
        : undefined;
    if (kind === undefined) return this.engines.model.respond(context);
    this.onOffline(kind);
    const reply = await this.engines.plain.respond(context);
    return { ...reply, engine: reply.engine ?? 'offline' };
  }
}
