import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { synthesizeAssembly } from '../../lib/synthesizeAssembly';
import { startLocalRuntime } from '../../local/localRuntime';
import { parseContext } from './cdkContext';
import type { Command } from './command';

export const startCommand: Command = {
  name: 'start',
  summary: 'run the whole system on this machine (what `npm start` runs)',
  help: [
    'zeta start [--port N] [--public-port N [--public-host HOST]] [--data-dir DIR] [--in-memory] [--as-deployed [--cdk-out DIR] [-c key=value]…]',
    '',
    'Runs the assistant locally with the same handler code as in Lambda: embedded DynamoDB',
    '(dynalite) and S3 (s3rver) servers on loopback, an in-process SQS FIFO queue, the WhatsApp',
    'Graph API stand-in and the simulator endpoints (see README "Local contract").',
    '',
    '  --port N        HTTP port on 127.0.0.1 (default: $PORT or 3000): everything, the simulator',
    '                  and the AWS stand-ins included, for this machine only',
    '  --public-port N a second port for a tunnel to a real WhatsApp number: only /webhook and',
    '                  /catalog/images/… (README "Pointing a real WhatsApp number at a local run")',
    '  --public-host HOST  where the public port listens (default 127.0.0.1, where a tunnel agent connects)',
    '  --data-dir DIR  where DynamoDB and S3 data are kept (default: .data)',
    '  --in-memory     keep nothing on disk',
    "  --as-deployed   run the synthesized stack instead: each function's bundle from cdk.out in",
    '                  its own environment with exactly its template variables (endpoints mapped to',
    '                  the local servers), secrets from a Secrets Manager stand-in, and every AWS call',
    '                  checked against that function\'s role policy (README "As deployed")',
    '  --cdk-out DIR   the cloud assembly to run (default: synthesize one now, with cdk.json and -c)',
    '  -c key=value    a CDK context setting for that synthesis (as with cdk deploy -c), repeatable',
    '',
    'Without OPENAI_API_KEY the built-in offline assistant answers. As deployed, OPENAI_API_KEY',
    "and BITRIX24_WEBHOOK_URL go into the stand-in secret, never into a function's environment.",
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        'public-port': { type: 'string' },
        'public-host': { type: 'string' },
        'data-dir': { type: 'string' },
        'in-memory': { type: 'boolean' },
        'as-deployed': { type: 'boolean' },
        'cdk-out': { type: 'string' },
        context: { type: 'string', short: 'c', multiple: true },
      },
      strict: true,
    });
    const inMemory = values['in-memory'] ?? false;
    const dataDir = values['data-dir'] ?? '.data';
    const assemblyDirectory = values['as-deployed']
      ? (values['cdk-out'] ??
        synthesizeAssembly(
          inMemory ? mkdtempSync(join(tmpdir(), 'zeta-cdk-out-')) : join(dataDir, 'cdk.out'),
          parseContext(values.context ?? []),
        ))
      : undefined;
    const runtime = await startLocalRuntime({
      ...(values.port === undefined ? {} : { port: Number(values.port) }),
      ...(values['public-port'] === undefined ? {} : { publicPort: Number(values['public-port']) }),
      ...(values['public-host'] === undefined ? {} : { publicHost: values['public-host'] }),
      dataDir,
      inMemory,
      ...(assemblyDirectory === undefined
        ? {}
        : {
            asDeployed: {
              assemblyDirectory,
              // Step 3 of the deploy: the secret's values, from this shell (never a function's environment).
              secretValues: {
                WHATSAPP_APP_SECRET: process.env.WHATSAPP_APP_SECRET,
                WHATSAPP_TOKEN: process.env.WHATSAPP_TOKEN,
                WHATSAPP_VERIFY_TOKEN: process.env.WHATSAPP_VERIFY_TOKEN,
                OPENAI_API_KEY: process.env.OPENAI_API_KEY,
                BITRIX24_WEBHOOK_URL: process.env.BITRIX24_WEBHOOK_URL,
              },
              ...(process.env.OPENAI_BASE_URL ? { openAiBaseUrl: process.env.OPENAI_BASE_URL } : {}),
            },
          }),
      log: (line) => console.error(`[zeta] ${line}`),
    });
    console.log(`ZETA assistant is running at ${runtime.url}`);
    console.log(`  webhook:   ${runtime.url}/webhook`);
    console.log(`  health:    ${runtime.url}/healthz`);
    console.log(`  simulator: ${runtime.url}/sim/  (chat as a WhatsApp customer)`);
    if (runtime.publicUrl !== undefined) {
      console.log(`  public:    ${runtime.publicUrl}  (/webhook and /catalog/images/ only: point your tunnel here)`);
    }
    if (runtime.asDeployed !== undefined) {
      console.log(
        `  as deployed: ${runtime.asDeployed.deployment.stackName} from ${assemblyDirectory} (AWS calls: ${runtime.url}/sim/api/aws/calls)`,
      );
    }
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
