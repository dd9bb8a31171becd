/** One line of a chat as the simulator streams it (local/simulator/simEvents.ts). */
export interface StreamedLine {
  direction: 'in' | 'out';
  id: string;
  /** Milliseconds: for an outbound line, when the Graph API stand-in received it. */
  timestamp: number;
  status?: string;
}

/**
 * The simulator's server-sent events of one customer's chat: resolves with
 * the first new outbound line, so a client hears of an answer the moment the
 * stand-in records it, without polling.
 */
export async function nextAnswer(
  baseUrl: string,
  waId: string,
  afterConnected: () => Promise<void>,
  timeoutMs: number,
): Promise<StreamedLine> {
  const abort = AbortSignal.timeout(timeoutMs);
  const response = await fetch(`${baseUrl}/sim/api/events?wa_id=${waId}`, { signal: abort });
  if (!response.ok || response.body === null) throw new Error(`events stream answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let connected = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the events stream of ${waId} ended before an answer`);
      buffered += value;
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const frame = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const event = /^event: (.+)$/m.exec(frame)?.[1];
        const data = /^data: (.+)$/m.exec(frame)?.[1];
        if (event === 'snapshot' && !connected) {
          connected = true;
          await afterConnected();
        } else if (event === 'message' && data !== undefined) {
          const line = JSON.parse(data) as StreamedLine;
          if (line.direction === 'out' && line.status === undefined) return line;
        }
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
