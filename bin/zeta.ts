import { runCommand } from './commands/commandRunner';

process.exitCode = await runCommand(process.argv.slice(2));
