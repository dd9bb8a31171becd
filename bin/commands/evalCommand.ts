import { fileURLToPath } from 'node:url';
import { embeddedCatalog } from '../../local/embeddedCatalog';
import { DEFAULT_SET, loadDialogues } from '../../eval/dialogueSet';
import { renderEvalReport } from '../../eval/evalReport';
import { runEval, share } from '../../eval/runEval';
import type { Command } from './command';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score the assistant on the labelled multi-turn dialogues, per kind of turn and language',
  help: [
    'zeta eval [--set PATH] [--engine offline|openai] [--routing confident|plain|model] [--min SHARE] [--format table|json] [--failures]',
    '',
    'Runs every dialogue of the evaluation set (eval/dialogues/*.yaml, or PATH: a YAML file or a folder of them)',
    'through the consumer as deployed (its composition root, DynamoDB in memory, the Graph API stand-in), one',
    'customer per dialogue, and checks each turn against what it expects: the products shown (section, colour,',
    'budget, features, size, order), the card opened, the facts stated, a manager called, the language.',
    '',
    '  --engine offline   the offline assistant (default)',
    '  --engine openai    OpenAI mode: OPENAI_API_KEY and optionally OPENAI_BASE_URL, OPENAI_MODEL from the environment;',
    '                     --routing decides which turns stay offline (default confident, as deployed)',
    '  --min SHARE        exit 1 when fewer than SHARE (0–1) of the follow-up turns are right',
    '  --failures         list every wrong turn with what was wrong',
    '',
    'Example: zeta eval --failures --min 0.9',
  ].join('\n'),
  async run(args) {
    const set = option(args, '--set') ?? fileURLToPath(DEFAULT_SET);
    const engine = option(args, '--engine') ?? 'offline';
    const routing = option(args, '--routing') ?? 'confident';
    if (engine !== 'offline' && engine !== 'openai') {
      console.error(`--engine must be offline or openai, not ${engine}`);
      return 2;
    }
    if (routing !== 'confident' && routing !== 'plain' && routing !== 'model') {
      console.error(`--routing must be confident, plain or model, not ${routing}`);
      return 2;
    }
    const apiKey = process.env.OPENAI_API_KEY;
    if (engine === 'openai' && !apiKey) {
      console.error('OpenAI mode needs OPENAI_API_KEY (and OPENAI_BASE_URL for an OpenAI-compatible server)');
      return 2;
    }
    const dialogues = await loadDialogues(set);
    const report = await runEval(dialogues, {
      products: embeddedCatalog().all(),
      ...(engine === 'openai' && apiKey
        ? {
            model: {
              apiKey,
              routing,
              ...(process.env.OPENAI_BASE_URL ? { baseUrl: process.env.OPENAI_BASE_URL } : {}),
              ...(process.env.OPENAI_MODEL ? { model: process.env.OPENAI_MODEL } : {}),
            },
          }
        : {}),
    });
    if (option(args, '--format') === 'json') console.log(JSON.stringify(report, null, 2));
    else console.log(renderEvalReport(report, { failures: args.includes('--failures') }));
    const min = option(args, '--min');
    return min !== undefined && share(report.followUps) < Number(min) ? 1 : 0;
  },
};
