import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { signBody } from '../../functions/webhook/signature';

export interface RunningZeta {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `zeta start` as a separate process, exactly as `npm start` runs it, on a free port and in memory. */
export async function startZeta(env: Record<string, string> = {}, args: readonly string[] = []): Promise<RunningZeta> {
  const child = spawn(process.execPath, ['bin/zeta.js', 'start', '--port', '0', '--in-memory', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stopping = false;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A runtime that dies under a test shows up as "connection refused" later: say why, where CI shows it.
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`zeta start exited unexpectedly (code ${code}, signal ${signal}); its output:\n${output.slice(-20_000)}`);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`zeta start did not come up:\n${output}`)), 30_000);
    const check = () => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`zeta start exited with ${code}:\n${output}`)));
  });
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function postSignedWebhook(url: string, body: unknown, secret = 'local-app-secret'): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, secret) },
    body: raw,
  });
}

export interface ChatLine {
  direction: 'in' | 'out';
  id: string;
  timestamp: number;
  payload: Record<string, unknown>;
  status?: string;
}

/** A customer's message through the simulator (`POST /sim/api/messages`): its message id; anything but a 200 fails the test. */
export async function sendAsCustomer(url: string, message: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${url}/sim/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  if (response.status !== 200) throw new Error(`the simulator answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

export async function chat(url: string, waId: string): Promise<ChatLine[]> {
  const response = await fetch(`${url}/sim/api/messages?wa_id=${waId}`);
  return (await response.json()) as ChatLine[];
}

/** Polls a customer's chat until `done` holds, or fails with what the chat held. */
export async function waitForChat(
  url: string,
  waId: string,
  done: (lines: ChatLine[]) => boolean,
  timeoutMs = 10_000,
): Promise<ChatLine[]> {
  const deadline = Date.now() + timeoutMs;
  let lines: ChatLine[] = [];
  while (Date.now() < deadline) {
    lines = await chat(url, waId);
    if (done(lines)) return lines;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`chat of ${waId} never matched; it holds ${JSON.stringify(lines, null, 1)}`);
}
