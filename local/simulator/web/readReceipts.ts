import type { LoggedMessage } from './chatTypes';
import { simApi } from './simApiClient';

/**
 * The customer "reads" a message from the business when it is on screen in
 * the open chat, with the tab visible. Each message is reported once; a
 * report that fails is tried again the next time the message is shown.
 */
export class ReadReceipts {
  private readonly reported = new Set<string>();
  private readonly waiting = new Map<string, string>();

  constructor() {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible') return;
      for (const [messageId, waId] of this.waiting) this.report(waId, messageId);
      this.waiting.clear();
    });
  }

  shown(waId: string, message: LoggedMessage): void {
    if (message.direction !== 'out' || message.status === 'read' || message.status === 'failed' || this.reported.has(message.id)) return;
    if (document.visibilityState === 'visible') this.report(waId, message.id);
    else this.waiting.set(message.id, waId);
  }

  private report(waId: string, messageId: string): void {
    this.reported.add(messageId);
    simApi.markRead(waId, messageId).catch(() => this.reported.delete(messageId));
  }
}
