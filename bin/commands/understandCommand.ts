import { createInterface } from 'node:readline';
import { understand } from '../../functions/domain/understanding/understand';
import type { Command } from './command';

export const understandCommand: Command = {
  name: 'understand',
  summary: 'print what the offline assistant understood, one JSON per text',
  help: [
    'zeta understand [TEXT...]',
    '',
    'Prints what the offline assistant understood of each TEXT as one JSON object per line:',
    '{intent, category?, color?, style?, budget_min?, budget_max?, target_price?, language}.',
    'With no TEXT it reads one message per line from standard input.',
    '',
    'Example: zeta understand "хочу серый диван до 300 тысяч"',
  ].join('\n'),
  async run(args) {
    const texts = args.filter((arg) => !arg.startsWith('--'));
    if (texts.length > 0) {
      for (const text of texts) console.log(JSON.stringify(understand(text)));
      return 0;
    }
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() !== '') console.log(JSON.stringify(understand(line)));
    }
    return 0;
  },
};
