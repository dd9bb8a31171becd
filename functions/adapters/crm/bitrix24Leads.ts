import * as z from 'zod';
import type { CrmLeads, LeadSummary } from '../../domain/handoff/handoff';
import { contactLine, isBusinessScopedUserId } from '../../domain/whatsapp/customerIds';
import { customerField } from '../../domain/handoff/leadText';

const answerSchema = z.union([
  z.object({ result: z.union([z.number(), z.string()]) }),
  z.object({ error: z.string(), error_description: z.string().optional() }),
]);

function phoneOf(summary: LeadSummary): string | undefined {
  return summary.phone ?? (isBusinessScopedUserId(summary.waId) ? undefined : summary.waId);
}

export class Bitrix24Error extends Error {
  override readonly name = 'Bitrix24Error';
}

const REASONS: Record<LeadSummary['reason'], string> = {
  customer_asked: 'клиент попросил менеджера',
  assistant: 'ассистент передал разговор',
  misunderstanding: 'ассистент несколько раз не понял клиента',
  order: 'заказ из каталога WhatsApp',
  purchase: 'клиент хочет купить товар из чата',
  question: 'вопрос, на который у ассистента нет ответа',
};

/**
 * Leads in Bitrix24 through its REST incoming webhook (crm.lead.add). The
 * webhook URL is a secret (it carries the access code), so it is looked up
 * per call from the cached secret; without one, the CRM is simply off.
 */
export class Bitrix24Leads implements CrmLeads {
  constructor(
    private readonly webhookUrl: () => Promise<string | undefined>,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  async isConfigured(): Promise<boolean> {
    return (await this.webhookUrl()) !== undefined;
  }

  async createLead(summary: LeadSummary, text: string): Promise<{ leadId: string } | undefined> {
    const base = await this.webhookUrl();
    if (base === undefined) return undefined;
    // The WhatsApp name is the customer's to choose: one plain line, no role prefixes.
    const name = summary.name ? customerField(summary.name, 60) || undefined : undefined;
    const response = await this.fetchImpl(new URL('crm.lead.add.json', base.endsWith('/') ? base : `${base}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        fields: {
          TITLE: `WhatsApp: ${name ?? contactLine(summary)}`,
          ...(name ? { NAME: name } : {}),
          // A customer with a username may have withheld their number: then the lead says how to reach them on WhatsApp.
          ...(phoneOf(summary) === undefined
            ? { IM: [{ VALUE: contactLine(summary), VALUE_TYPE: 'OTHER' }] }
            : { PHONE: [{ VALUE: `+${phoneOf(summary)}`, VALUE_TYPE: 'MOBILE' }] }),
          SOURCE_ID: 'OTHER',
          SOURCE_DESCRIPTION: 'ZETA WhatsApp assistant',
          COMMENTS: `Причина: ${REASONS[summary.reason]}. ${text}`,
          ...(summary.amountTenge === undefined ? {} : { OPPORTUNITY: summary.amountTenge, CURRENCY_ID: 'KZT' }),
        },
        params: { REGISTER_SONET_EVENT: 'Y' },
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const answer = answerSchema.safeParse(await response.json().catch(() => undefined));
    if (!response.ok || !answer.success || 'error' in answer.data) {
      const detail = answer.success && 'error' in answer.data ? answer.data.error : `HTTP ${response.status}`;
      throw new Bitrix24Error(`crm.lead.add failed: ${detail}`);
    }
    return { leadId: String(answer.data.result) };
  }
}
