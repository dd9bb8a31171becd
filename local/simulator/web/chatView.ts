import { businessBubble } from './businessBubble';
import type { BusinessMessage, CustomerMessage, ListInteractive, LoggedMessage } from './chatTypes';
import { customerBubble } from './customerBubble';
import { h, richText } from './dom';
import { messageSummary } from './messageSummary';
import { dayLabel, sameDay } from './messageTime';
import { ticks } from './ticks';
import { formatWhatsAppText } from './whatsappFormatting';

export interface ChatViewEvents {
  tapButton(message: LoggedMessage, button: { id: string; title: string }): void;
  tapTemplateButton(message: LoggedMessage, button: { payload: string; text: string }): void;
  openList(message: LoggedMessage, list: ListInteractive): void;
  /** A message from the business is on screen: the customer has seen it. */
  shown(message: LoggedMessage): void;
}

/**
 * One customer's chat with day chips between days, in the order the lines
 * arrived, as on a phone: WhatsApp's timestamps of what the customer sent are
 * whole seconds, so sorting by them could put a message before the answer it
 * came after. Lines are kept by message id: a line seen again (its status
 * changed) only updates its ticks.
 *
 * The list scrolls from its end (see .messages in chat.css): a chat that was
 * showing its newest line keeps showing it while photos load and answers come.
 */
export class ChatView {
  private readonly lines = new Map<string, { message: LoggedMessage; element: HTMLElement }>();
  private readonly list = h('div', { class: 'messages__list' });

  constructor(
    private readonly scroller: HTMLElement,
    private readonly events: ChatViewEvents,
    private readonly emptyNotice: () => HTMLElement,
  ) {
    scroller.replaceChildren(this.list);
  }

  /** Oldest first. */
  messages(): LoggedMessage[] {
    return [...this.lines.values()].map((line) => line.message);
  }

  /** The whole chat, oldest first, as the stream's snapshot gives it. */
  show(messages: readonly LoggedMessage[]): void {
    this.lines.clear();
    this.list.replaceChildren();
    if (messages.length === 0) this.list.append(this.emptyNotice());
    let previous: LoggedMessage | undefined;
    for (const message of messages) {
      this.appendLine(message, previous);
      previous = message;
    }
    this.scrollToEnd();
  }

  upsert(message: LoggedMessage): void {
    const known = this.lines.get(message.id);
    if (known !== undefined) {
      known.message = message;
      if (message.direction === 'out') known.element.querySelector('.ticks')?.replaceWith(ticks(message.status));
      this.events.shown(message);
      return;
    }
    const last = this.messages().at(-1);
    if (last === undefined) this.list.replaceChildren();
    this.appendLine(message, last);
    // What the customer sends always comes into view; answers do while the chat shows its end.
    if (message.direction === 'in') this.scrollToEnd();
  }

  private appendLine(message: LoggedMessage, previous: LoggedMessage | undefined): void {
    if (previous === undefined || !sameDay(previous.timestamp, message.timestamp)) {
      this.list.append(h('div', { class: 'day-chip' }, dayLabel(message.timestamp)));
    }
    const quote = this.quoteOf(message);
    const side = message.direction === 'out' ? 'business' : 'customer';
    const bubble =
      message.direction === 'out'
        ? businessBubble(
            message,
            {
              tapButton: (button) => this.events.tapButton(message, button),
              tapTemplateButton: (button) => this.events.tapTemplateButton(message, button),
              openList: (list) => this.events.openList(message, list),
            },
            quote,
          )
        : customerBubble(message, quote);
    const continued = previous !== undefined && previous.direction === message.direction && sameDay(previous.timestamp, message.timestamp);
    const element = h('div', { class: `line line--${side}${continued ? '' : ' line--first'}`, 'data-message-id': message.id }, bubble);
    this.list.append(element);
    this.lines.set(message.id, { message, element });
    if (message.direction === 'out') this.events.shown(message);
  }

  /** The message a reply refers to, quoted above it. */
  private quoteOf(message: LoggedMessage): HTMLElement | undefined {
    const repliedTo =
      message.direction === 'in'
        ? (message.payload as CustomerMessage).context?.id
        : (message.payload as BusinessMessage).context?.message_id;
    const original = repliedTo === undefined ? undefined : this.lines.get(repliedTo);
    if (original === undefined) return undefined;
    const author = original.message.direction === 'out' ? 'ZETA Мебель' : 'Вы';
    return h(
      'button',
      {
        type: 'button',
        class: `quote quote--${original.message.direction === 'out' ? 'business' : 'customer'}`,
        on: { click: () => this.highlight(original.element) },
      },
      h('span', { class: 'quote__author' }, author),
      richText('quote__text', formatWhatsAppText(messageSummary(original.message)), 'span'),
    );
  }

  private highlight(element: HTMLElement): void {
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    element.classList.remove('line--highlight');
    void element.offsetWidth; // restart the animation
    element.classList.add('line--highlight');
  }

  /** The list scrolls from its end, so 0 is the newest line. */
  private scrollToEnd(): void {
    this.scroller.scrollTop = 0;
  }
}
