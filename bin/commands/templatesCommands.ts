import { parseArgs } from 'node:util';
import { syncTemplates } from '../../functions/adapters/whatsapp/syncTemplates';
import { TemplateManagementApi } from '../../functions/adapters/whatsapp/templateManagement';
import { messageTemplates } from '../../functions/domain/messaging/messageTemplates';
import type { Command } from './command';
import { GRAPH_HELP, GRAPH_OPTIONS, graphTarget } from './graphTarget';

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')).join('\n');
}

export const templatesSyncCommand: Command = {
  name: 'templates sync',
  summary: 'submit templates/message_templates.yaml to the WhatsApp Business Account',
  help: [
    'zeta templates sync [--dry-run] [--local URL]',
    '',
    'Submits every template × language of templates/message_templates.yaml that the account lacks',
    '(existing ones are left as they are). --dry-run only shows what would be submitted.',
    GRAPH_HELP,
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: { ...GRAPH_OPTIONS, 'dry-run': { type: 'boolean' } }, strict: true });
    const { graph, wabaId } = graphTarget(values.local);
    const results = await syncTemplates(new TemplateManagementApi(graph, wabaId), messageTemplates(), {
      dryRun: values['dry-run'] ?? false,
    });
    const rows = results.map((result) => [
      result.template.name,
      result.language,
      result.template.category,
      result.error
        ? `FAILED: ${result.error}`
        : result.action === 'present'
          ? `present (${result.status})`
          : values['dry-run']
            ? 'would submit'
            : `submitted (${result.status})`,
    ]);
    console.log(table([['template', 'lang', 'category', 'result'], ...rows]));
    return results.some((result) => result.error) ? 1 : 0;
  },
};

export const templatesStatusCommand: Command = {
  name: 'templates status',
  summary: "show the approval state of the app's templates",
  help: [
    'zeta templates status [--local URL]',
    '',
    'Lists each template × language of the file with its state in the account.',
    GRAPH_HELP,
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: GRAPH_OPTIONS, strict: true });
    const { graph, wabaId } = graphTarget(values.local);
    const remote = await new TemplateManagementApi(graph, wabaId).list();
    const rows = messageTemplates().templates.flatMap((template) =>
      Object.keys(template.languages).map((language) => {
        const found = remote.find((candidate) => candidate.name === template.name && candidate.language === language);
        return [template.name, language, template.category, found ? found.status : 'MISSING (run zeta templates sync)'];
      }),
    );
    console.log(table([['template', 'lang', 'category', 'status'], ...rows]));
    return rows.some((row) => row[3] !== 'APPROVED') ? 1 : 0;
  },
};
