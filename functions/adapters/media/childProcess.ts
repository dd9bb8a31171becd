import { spawn } from 'node:child_process';

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** Only its last `maxOutputChars`: what ffmpeg says last is what explains a failure. */
  stderr: string;
}

/** The process ran past its time and was killed. */
export class ProcessTimeoutError extends Error {
  override readonly name = 'ProcessTimeoutError';
  constructor(
    readonly file: string,
    readonly timeoutMs: number,
  ) {
    super(`${file} did not finish within ${timeoutMs} ms and was killed`);
  }
}

/** The process could not be started at all (ENOENT, EACCES). */
export class ProcessStartError extends Error {
  override readonly name = 'ProcessStartError';
  constructor(
    readonly file: string,
    readonly code: string | undefined,
    options: { cause: unknown },
  ) {
    super(`${file} could not be started (${code ?? 'unknown error'})`, options);
  }
}

const DEFAULT_MAX_OUTPUT_CHARS = 64 * 1024;

/**
 * Runs a program with arguments (never through a shell, so no file name is
 * ever parsed as a command), killing it when it overruns its time.
 */
export function runProcess(
  file: string,
  args: readonly string[],
  options: { timeoutMs: number; maxOutputChars?: number; env?: NodeJS.ProcessEnv },
): Promise<ProcessResult> {
  const maxOutputChars = options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS;
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout also kills whatever it started (a wrapper script's ffmpeg).
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
      detached: true,
      ...(options.env ? { env: options.env } : {}),
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      // A grandchild could still hold the pipes open; the caller need not wait for it.
      child.stdout.destroy();
      child.stderr.destroy();
      reject(new ProcessTimeoutError(file, options.timeoutMs));
    }, options.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout = (stdout + chunk).slice(-maxOutputChars);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-maxOutputChars);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (!settled) reject(new ProcessStartError(file, error.code, { cause: error }));
      settled = true;
    });
    child.once('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (!settled) resolve({ exitCode, signal, stdout, stderr });
      settled = true;
    });
  });
}
