import { parseArgs } from 'node:util';
import { bundledPricing } from '../../functions/adapters/cost/bundledPricing';
import { syncTemplates } from '../../functions/adapters/whatsapp/syncTemplates';
import { TemplateManagementApi } from '../../functions/adapters/whatsapp/templateManagement';
import { rateCardOn } from '../../functions/domain/cost/priceLookup';
import { messageTemplates } from '../../functions/domain/messaging/messageTemplates';
import { judgeCategory } from '../../functions/domain/messaging/templateCategory';
import type { ReviewOutcome } from '../../functions/domain/messaging/templateReview';
import { fileSubmissions } from '../../functions/domain/messaging/templateSync';
import type { Command } from './command';
import { GRAPH_HELP, GRAPH_OPTIONS, graphTarget } from './graphTarget';
import { textTable } from './textTable';

/** Meta's review rules' verdict, in the words `zeta templates sync` prints. */
function describeReview(review: ReviewOutcome, submitted: string): string {
  switch (review.verdict) {
    case 'refused': {
      const { subcode, code, title, message } = review.refusal;
      return `REFUSED (#${code}${subcode === undefined ? '' : `/${subcode}`}) ${title}: ${message}`;
    }
    case 'rejected':
      return `REJECTED ${review.reason}: ${review.info.reason} ${review.info.recommendation}`;
    case 'approved':
      return review.category === submitted ? `ok, ${review.category}` : `approved as ${review.category}: ${review.categoryReason}`;
  }
}

export const templatesSyncCommand: Command = {
  name: 'templates sync',
  summary: 'submit templates/message_templates.yaml to the WhatsApp Business Account',
  help: [
    'zeta templates sync [--dry-run] [--secret NAME | --local URL]',
    '',
    'Submits every template × language of templates/message_templates.yaml that the account lacks',
    '(existing ones are left as they are). Each line says what Meta’s review rules make of the',
    'template (refused with Meta’s code and reason, rejected by review, or the category it gets) and',
    'what the account answered. --dry-run only reviews and shows what would be submitted.',
    GRAPH_HELP,
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: { ...GRAPH_OPTIONS, 'dry-run': { type: 'boolean' } }, strict: true });
    const { graph, wabaId } = await graphTarget(values);
    const results = await syncTemplates(new TemplateManagementApi(graph, wabaId), messageTemplates(), {
      dryRun: values['dry-run'] ?? false,
    });
    const rows = results.map((result) => [
      result.template.name,
      result.language,
      result.template.category,
      describeReview(result.review, result.template.category),
      result.error
        ? `FAILED: ${result.error}`
        : result.action === 'present'
          ? `present (${result.status})`
          : values['dry-run']
            ? 'would submit'
            : `submitted (${result.status}${result.category ? `, ${result.category}` : ''})`,
    ]);
    console.log(textTable([['template', 'lang', 'category', 'review', 'result'], ...rows]));
    return results.some((result) => result.error || result.review.verdict !== 'approved') ? 1 : 0;
  },
};

export const templatesStatusCommand: Command = {
  name: 'templates status',
  summary: "show the approval state and category of the app's templates",
  help: [
    'zeta templates status [--secret NAME | --local URL]',
    '',
    'Lists each template × language of the file: the category it should get by Meta’s category',
    'guidelines and why, its state in the account (status, the category Meta assigned, a rejection',
    'reason, an announced change), and what one message of it costs in Kazakhstan at that category',
    '(data/pricing.json). Exits 1 when one is not approved or Meta’s category is not the expected one.',
    GRAPH_HELP,
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: GRAPH_OPTIONS, strict: true });
    const { graph, wabaId } = await graphTarget(values);
    const remote = await new TemplateManagementApi(graph, wabaId).list();
    const card = rateCardOn(bundledPricing(), 'KZ', Date.now());
    let attention = false;
    const rows = fileSubmissions(messageTemplates()).map(({ template, language, submission }) => {
      const expected = judgeCategory(template.category, { body: submission.body, buttons: submission.quickReplies });
      const found = remote.find((candidate) => candidate.name === template.name && candidate.language === language);
      const category = found?.category ?? expected.category;
      if (found?.status !== 'APPROVED' || found.category !== expected.category) attention = true;
      const state = found
        ? [
            found.status,
            found.category,
            ...(found.rejectedReason && found.rejectedReason !== 'NONE' ? [found.rejectedReason] : []),
            ...(found.correctCategory ? [`→ ${found.correctCategory} announced`] : []),
          ].join(' ')
        : 'MISSING (run zeta templates sync)';
      const rate = category.toLowerCase() as 'utility' | 'marketing' | 'authentication';
      const price = card?.[rate];
      const caveat = card?.unknown.includes(rate) ? ' (unknown: a stand-in)' : card?.confirmed === false ? ' (unconfirmed)' : '';
      return [
        template.name,
        language,
        `${expected.category}: ${expected.reason}`,
        state,
        price === undefined ? 'n/a' : `$${price}${caveat}`,
      ];
    });
    console.log(textTable([['template', 'lang', 'expected category (why)', 'in the account', 'KZ per message'], ...rows]));
    return attention ? 1 : 0;
  },
};
