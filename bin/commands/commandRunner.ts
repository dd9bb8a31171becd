import { alertsRunCommand } from './alertsRunCommand';
import { analyticsReportCommand } from './analyticsReportCommand';
import { capacityCommand } from './capacityCommand';
import { costReportCommand } from './costReportCommand';
import { evalCommand } from './evalCommand';
import { startCommand } from './startCommand';
import { templatesStatusCommand, templatesSyncCommand } from './templatesCommands';
import { understandCommand } from './understandCommand';
import type { Command } from './command';

const COMMANDS: Command[] = [
  startCommand,
  understandCommand,
  evalCommand,
  templatesSyncCommand,
  templatesStatusCommand,
  alertsRunCommand,
  costReportCommand,
  analyticsReportCommand,
  capacityCommand,
];

function usage(): string {
  const lines = COMMANDS.map((command) => `  zeta ${command.name.padEnd(22)} ${command.summary}`);
  return ['ZETA WhatsApp shopping assistant', '', 'Usage:', ...lines, '', 'Run `zeta <command> --help` for details.'].join('\n');
}

/** Finds the longest command name that prefixes the arguments ("cost report" before "cost"). */
export async function runCommand(argv: string[]): Promise<number> {
  const candidates = [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  const command = candidates.find((candidate) => {
    const words = candidate.name.split(' ');
    return words.every((word, index) => argv[index] === word);
  });
  if (command === undefined) {
    const asked = argv[0];
    if (asked === undefined || asked === '--help' || asked === '-h' || asked === 'help') {
      console.log(usage());
      return 0;
    }
    console.error(`Unknown command: ${argv.join(' ')}\n\n${usage()}`);
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  return command.run(rest);
}
