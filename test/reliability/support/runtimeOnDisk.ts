import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from '../../../local/localRuntime';
import { watchAnswers, type AnswerWatch } from './answerWatch';

export interface RuntimeOnDisk {
  runtime: LocalRuntime;
  watch: AnswerWatch;
  close(): Promise<void>;
}

/**
 * `zeta start` keeping its data on disk, as `npm start` does, so that a
 * stopped and restarted dynalite reopens the same table; quiet logs, any
 * port, and a watch on the answers.
 */
export async function startRuntimeOnDisk(name: string, options: Omit<LocalRuntimeOptions, 'port' | 'dataDir'>): Promise<RuntimeOnDisk> {
  const dataDir = await mkdtemp(join(tmpdir(), `zeta-${name}-`));
  const runtime = await startLocalRuntime({ ...options, port: 0, dataDir, env: { LOG_LEVEL: 'SILENT', ...options.env } });
  const watch = watchAnswers(runtime.conversations);
  return {
    runtime,
    watch,
    close: async () => {
      watch.close();
      await runtime.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
