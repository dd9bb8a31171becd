import { parseArgs } from 'node:util';
import { startLocalRuntime } from '../../local/localRuntime';
import type { Command } from './command';

export const startCommand: Command = {
  name: 'start',
  summary: 'run the whole system on this machine (what `npm start` runs)',
  help: [
    'zeta start [--port N] [--data-dir DIR] [--in-memory]',
    '',
    'Runs the assistant locally with the same handler code as in Lambda: embedded DynamoDB',
    '(dynalite) and S3 (s3rver) servers on loopback, an in-process SQS FIFO queue, the WhatsApp',
    'Graph API stand-in and the simulator endpoints (see README "Local contract").',
    '',
    '  --port N        HTTP port (default: $PORT or 3000)',
    '  --data-dir DIR  where DynamoDB and S3 data are kept (default: .data)',
    '  --in-memory     keep nothing on disk',
    '',
    'Without OPENAI_API_KEY the built-in offline assistant answers.',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'in-memory': { type: 'boolean' } },
      strict: true,
    });
    const runtime = await startLocalRuntime({
      ...(values.port === undefined ? {} : { port: Number(values.port) }),
      ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
      inMemory: values['in-memory'] ?? false,
      log: (line) => console.error(`[zeta] ${line}`),
    });
    console.log(`ZETA assistant is running at ${runtime.url}`);
    console.log(`  webhook:   ${runtime.url}/webhook`);
    console.log(`  health:    ${runtime.url}/healthz`);
    console.log(`  simulator: ${runtime.url}/sim/  (chat as a WhatsApp customer)`);
    console.log(
      `  assistant: ${process.env.OPENAI_API_KEY ? `OpenAI (${process.env.OPENAI_MODEL ?? 'gpt-4o-mini'})` : 'offline (no OPENAI_API_KEY)'}`,
    );
    await new Promise<void>((resolve) => {
      const shutdown = () => resolve();
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
    console.log('Stopping…');
    await runtime.stop();
    return 0;
  },
};
