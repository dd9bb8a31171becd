import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The commands a script runs: the first word of each `&&` step, after any VAR=value prefix. */
function commandsOf(script: string): string[] {
  return script.split('&&').map(
    (step) =>
      step
        .trim()
        .split(/\s+/)
        .find((word) => !/^[A-Z_]+=/.test(word)) ?? '',
  );
}

describe('npm scripts on a fresh clone', () => {
  // npm puts the dependencies' bins on PATH, never the project's own `bin` (zeta): a script calling it fails after `npm ci`.
  it.each(Object.entries(scripts))('%s runs only commands npm ci installs', (_name, script) => {
    for (const command of commandsOf(script)) {
      expect(command === 'node' || existsSync(join(root, 'node_modules', '.bin', command)), `${command} in «${script}»`).toBe(true);
    }
  });
});
