import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TURN_DEADLINE_MS } from '../../functions/adapters/openai/openAiAssistant';
import { capacityReport, type CapacityReport } from '../../lib/capacity/capacityReport';
import { stackCapacitySettings } from '../../lib/capacity/stackCapacitySettings';
import { synthesizeAssembly } from '../../lib/synthesizeAssembly';
import { measureMessageUse } from '../../local/capacity/measureMessageUse';
import { startLocalRuntime } from '../../local/localRuntime';
import { parseContext } from './cdkContext';
import type { Command } from './command';
import { textTable } from './textTable';

/** The campaign the stack is sized for (issue 18): 200 customer messages a second. */
export const CAPACITY_GOAL = 200;

function printReport(report: CapacityReport): void {
  const sideLabel = { meta: 'Meta', 'aws-quota': 'AWS quota', 'stack-setting': 'our stack' } as const;
  console.log(
    textTable([
      ['component', 'msg/s', 'whose', 'why'],
      ...report.ceilings.map((ceiling) => [
        ceiling.component,
        ceiling.messagesPerSecond.toLocaleString('en-US'),
        sideLabel[ceiling.side],
        ceiling.because,
      ]),
    ]),
  );
  console.log('');
  console.log(
    `first wall: ${report.firstWall.component} at ${report.firstWall.messagesPerSecond} customer messages/s (raise: ${report.firstWall.raise})`,
  );
  console.log(
    `first wall on the AWS side: ${report.firstAwsWall.component} at ${report.firstAwsWall.messagesPerSecond} (raise: ${report.firstAwsWall.raise})`,
  );
  console.log(
    `goal: ${report.goal} customer messages/s — ${report.firstAwsWall.messagesPerSecond >= report.goal ? 'the AWS side sustains it' : 'NOT sustained by the AWS side'}`,
  );
  console.log('');
  console.log(`Lambda concurrency at the goal (account quota ${report.concurrencyQuota.toLocaleString('en-US')}):`);
  for (const need of report.concurrency) console.log(`  ${need.function}: ${need.atGoal} (${need.why})`);
}

export const capacityCommand: Command = {
  name: 'capacity',
  summary: "each component's ceiling in customer messages/s, from the template and a measured run",
  help: [
    'zeta capacity [--customers N] [--goal MSG_PER_S] [--format table|json] [--cdk-out DIR] [-c key=value]…',
    '',
    'Synthesizes the stack (cdk.json and -c, or the assembly in --cdk-out), runs a scripted day',
    'through it as deployed (each customer searches, opens a card, asks for cheaper, thanks, and reads',
    'every answer), measures what one customer message uses (invocations, SQS calls, DynamoDB units',
    'and writes per shared key, Graph sends, schedule calls) from the cost ledger and the AWS calls,',
    "then divides each component's limit — the template's settings, AWS's documented quotas and",
    "Meta's per-number throughput — by it. Exit 1 when the first wall on the AWS side is below the goal.",
    '',
    '  --customers N    customers of the scripted run (default 25, four messages each)',
    `  --goal N         customer messages/s the AWS side must sustain (default ${CAPACITY_GOAL})`,
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        customers: { type: 'string' },
        goal: { type: 'string' },
        format: { type: 'string' },
        'cdk-out': { type: 'string' },
        context: { type: 'string', short: 'c', multiple: true },
      },
      strict: true,
    });
    const customers = Number(values.customers ?? 25);
    const goal = Number(values.goal ?? CAPACITY_GOAL);
    const format = values.format ?? 'table';
    if (!Number.isInteger(customers) || customers < 2 || !(goal > 0) || !['table', 'json'].includes(format)) {
      console.error('--customers takes a whole number of at least 2, --goal a positive number, --format table or json');
      return 2;
    }
    const scratch = values['cdk-out'] === undefined ? mkdtempSync(join(tmpdir(), 'zeta-capacity-')) : undefined;
    const assemblyDirectory = values['cdk-out'] ?? synthesizeAssembly(scratch as string, parseContext(values.context ?? []));
    const runtime = await startLocalRuntime({ port: 0, inMemory: true, asDeployed: { assemblyDirectory } });
    try {
      const use = await measureMessageUse(runtime, { customers });
      const settings = stackCapacitySettings({ Resources: runtime.asDeployed?.deployment.resources ?? {} });
      const report = capacityReport(settings, use, { goal, turnDeadlineMs: DEFAULT_TURN_DEADLINE_MS });
      if (format === 'json') console.log(JSON.stringify({ settings, use, report }, null, 2));
      else printReport(report);
      return report.firstAwsWall.messagesPerSecond >= goal ? 0 : 1;
    } finally {
      await runtime.stop();
      if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
    }
  },
};
