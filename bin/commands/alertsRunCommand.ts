import { parseArgs } from 'node:util';
import type { Command } from './command';

export const alertsRunCommand: Command = {
  name: 'alerts run',
  summary: 'run the daily price-alert check now',
  help: [
    'zeta alerts run [--url URL]',
    '',
    'Runs the price-alert check of a running `zeta start` (default http://127.0.0.1:$PORT or 3000) now',
    'and prints its report: products, alerts checked, fired, failed, skipped.',
    'In AWS the EventBridge Scheduler schedule runs it daily; to run it by hand, invoke the',
    'alert-checker function with {"job":"price-alerts"} (console "Test", or aws lambda invoke).',
  ].join('\n'),
  async run(args) {
    const { values } = parseArgs({ args, options: { url: { type: 'string' } }, strict: true });
    const base = (values.url ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
    const response = await fetch(`${base}/sim/api/jobs/alert-checker`, { method: 'POST' });
    if (!response.ok) {
      console.error(`The check failed: HTTP ${response.status} ${await response.text()}`);
      return 1;
    }
    const { report } = (await response.json()) as { report: Record<string, number> };
    console.log(
      Object.entries(report)
        .map(([name, value]) => `${name.padEnd(9)} ${value}`)
        .join('\n'),
    );
    return report.failed ? 1 : 0;
  },
};
