import { leadIdentity } from '../handoff/handoff';
import type { AssistantReply } from '../assistant/assistantReply';
import { alertList, setAlertText } from '../alerts/alertReplies';
import type { PriceAlertService } from '../alerts/priceAlertService';
import type { Product } from '../catalog/product';
import type { Language } from '../language';
import { shortTitle } from '../replies/productMessages';
import { replyId } from '../replies/replyIds';
import { botText } from '../texts/botTexts';
import type { CustomerCommand } from './customerCommands';
import type { HandoffService } from '../handoff/handoffService';
import type { CustomerErasure } from '../privacy/customerErasure';
import type { Preferences } from '../preferences/preferences';
import type { Customer } from '../whatsapp/inboundMessage';
import type { CatalogReader, CustomerLocation, CustomerRepository, MemoryEntry } from './ports';

export interface CommandContext {
  customer: Customer;
  language: Language;
  viewed: readonly string[];
  lastShown: readonly string[];
  preferences: Preferences;
  recent: readonly MemoryEntry[];
  location?: CustomerLocation;
}

function text(body: string, language: Language, intent: string, productIds: string[] = []): AssistantReply {
  return { messages: [{ kind: 'text', body }], language, summary: body, intent, productIds, engine: 'offline' };
}

/** Carries out the customer's commands: subscriptions and price alerts. */
export class CommandResponder {
  constructor(
    private readonly deps: {
      alerts: PriceAlertService;
      customers: Pick<CustomerRepository, 'setOptedOut'>;
      catalog: Pick<CatalogReader, 'get'>;
      handoff: HandoffService;
      /** The pending confirmation of "delete my data", whose nonce the button carries. */
      erasure: Pick<CustomerErasure, 'askConfirmation'>;
    },
  ) {}

  async respond(command: CustomerCommand, context: CommandContext): Promise<AssistantReply> {
    const { language } = context;
    const { waId } = context.customer;
    switch (command.kind) {
      case 'manager':
        return this.deps.handoff.start({
          ...leadIdentity(context.customer),
          language,
          reason: 'customer_asked',
          preferences: context.preferences,
          recent: [...context.recent],
          ...(context.location ? { location: context.location } : {}),
        });
      case 'forget_me': {
        const body = botText(language, 'forget.confirm');
        const nonce = await this.deps.erasure.askConfirmation(waId);
        return {
          messages: [
            {
              kind: 'buttons',
              body,
              buttons: [
                { id: replyId({ action: 'forget', confirmed: true, nonce }), title: botText(language, 'forget.yes') },
                { id: replyId({ action: 'forget', confirmed: false }), title: botText(language, 'forget.no') },
              ],
            },
          ],
          language,
          summary: body,
          intent: 'forget_me',
          productIds: [],
          engine: 'offline',
        };
      }
      case 'opt_out':
        await this.deps.customers.setOptedOut(waId, true);
        return text(botText(language, 'optout.done'), language, 'opt_out');
      case 'opt_in':
        await this.deps.customers.setOptedOut(waId, false);
        return text(botText(language, 'optin.done'), language, 'opt_in');
      case 'cancel_alerts': {
        const count = await this.deps.alerts.cancelAll(waId);
        return text(botText(language, count > 0 ? 'alerts.cancelledAll' : 'alerts.none', { count }), language, 'price_alert_cancel');
      }
      case 'list_alerts': {
        const alerts = await this.deps.alerts.list(waId);
        const withPrices = await Promise.all(
          alerts.map(async (alert) => {
            const product = await this.deps.catalog.get(alert.productId);
            return product ? { alert, price: product.price } : { alert };
          }),
        );
        const message = alertList(withPrices, language);
        return {
          messages: [message],
          language,
          summary: 'body' in message ? message.body : '',
          intent: 'price_alert_list',
          productIds: [],
          engine: 'offline',
        };
      }
      case 'price_alert':
        return this.priceAlert(context, command.targetPrice);
    }
  }

  /** The product is the one the customer is looking at; if several are on screen, they choose. */
  private async priceAlert(context: CommandContext, targetPrice: number | undefined): Promise<AssistantReply> {
    const { language } = context;
    const { waId } = context.customer;
    const onScreen = await this.products(context.lastShown);
    const subject = onScreen.length === 1 ? onScreen[0] : (await this.products(context.viewed.slice(0, 1)))[0];
    if (subject === undefined && onScreen.length > 1) {
      const body = botText(language, 'alert.which');
      return {
        messages: [
          {
            kind: 'list',
            body,
            button: botText(language, 'alerts.list.button'),
            sections: [
              {
                rows: onScreen
                  .slice(0, 10)
                  .map((product) => ({ id: replyId({ action: 'watch', productId: product.id }), title: shortTitle(product) })),
              },
            ],
          },
        ],
        language,
        summary: body,
        intent: 'price_alert',
        productIds: onScreen.map((product) => product.id),
        engine: 'offline',
      };
    }
    if (subject === undefined) return text(botText(language, 'alert.which'), language, 'price_alert');
    const outcome = await this.deps.alerts.set(waId, subject, language, targetPrice);
    return text(setAlertText(outcome, subject, language), language, 'price_alert', [subject.id]);
  }

  private async products(ids: readonly string[]): Promise<Product[]> {
    const found = await Promise.all(ids.map((id) => this.deps.catalog.get(id)));
    return found.filter((product): product is Product => product !== undefined);
  }
}
