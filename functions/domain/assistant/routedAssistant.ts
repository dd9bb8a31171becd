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

/**
 * Plain requests go to the offline assistant, everything else to the model
 * (itself falling back to the offline assistant): the model is paid for the
 * turns that need it. On the scripted day of `npm run bench` this is most of
 * what the turns cost; docs/bench/REPORT.md has the figures.
 */
export class RoutedAssistant implements AssistantEngine {
  constructor(
    private readonly engines: { plain: AssistantEngine; model: AssistantEngine },
    private readonly onPlain: () => void,
  ) {}

  async respond(context: TurnContext): Promise<AssistantReply> {
    if (!isPlainRequest(context)) return this.engines.model.respond(context);
    this.onPlain();
    const reply = await this.engines.plain.respond(context);
    return { ...reply, engine: reply.engine ?? 'offline' };
  }
}
