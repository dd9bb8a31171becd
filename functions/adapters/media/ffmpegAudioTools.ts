import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  UnreadableAudioError,
  type AudioFormat,
  type AudioInspection,
  type AudioTools,
  type SpeechEncoding,
} from '../../domain/media/audioTools';
import { runProcess } from './childProcess';

export interface FfmpegAudioToolsOptions {
  /** The ffmpeg binary's path, resolved on first use (ffmpegBinaryResolver). */
  binary: () => Promise<string>;
  /** Per ffmpeg run. */
  timeoutMs?: number;
  /** Decoding stops here, so a file hours long costs no more than this to inspect. */
  maxDecodeSeconds?: number;
  /** Where the per-call working directories go; Lambda's /tmp by default. */
  tempRoot?: string;
}

/** ffmpeg failed on audio it had already decoded once: an encoder or environment problem, worth a retry. */
export class FfmpegFailedError extends Error {
  override readonly name = 'FfmpegFailedError';
  constructor(
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stderrTail: string,
  ) {
    super(`ffmpeg failed (exit ${exitCode ?? signal}): ${stderrTail}`);
  }
}

// A 2-minute note decodes in a fraction of a second; this is for a stuck process, within the consumer's 60 s.
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_DECODE_SECONDS = 15 * 60;
const ERROR_TAIL_CHARS = 600;

/**
 * Reading the customer's file: local file only, and only demuxers of audio
 * formats. Without this, a "voice note" that is really an HLS or concat
 * playlist makes ffmpeg read other files (even /proc/self/environ, with the
 * function's credentials) into the audio it outputs.
 */
const SAFE_INPUT = ['-protocol_whitelist', 'file', '-format_whitelist', 'ogg,mp3,mov,amr,amrnb,amrwb,aac,wav,matroska,flac'];

/**
 * ffmpeg gets no environment but the PATH it is found on: not the function's
 * AWS credentials, secrets or endpoints, which a file exploiting the decoder
 * could otherwise read from its own environment.
 */
const FFMPEG_ENVIRONMENT: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' };

const ENCODINGS: Record<SpeechEncoding, { file: string; args: string[] }> = {
  // Opus's VoIP mode at 24 kbps keeps speech clear in about 180 KB a minute.
  ogg: { file: 'speech.ogg', args: ['-c:a', 'libopus', '-b:a', '24k', '-application', 'voip', '-f', 'ogg'] },
  mp3: { file: 'speech.mp3', args: ['-c:a', 'libmp3lame', '-b:a', '32k', '-f', 'mp3'] },
};

/**
 * Audio work with the ffmpeg binary: each call gets a private temporary
 * directory, removed afterwards, and ffmpeg reads the content rather than
 * trusting a file name or MIME type. Only ffmpeg's `-i` output is parsed,
 * because ffprobe is not in every install (nor in the Lambda layer).
 */
export class FfmpegAudioTools implements AudioTools {
  private readonly binary: () => Promise<string>;
  private readonly timeoutMs: number;
  private readonly maxDecodeSeconds: number;
  private readonly tempRoot: string;

  constructor(options: FfmpegAudioToolsOptions) {
    this.binary = options.binary;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxDecodeSeconds = options.maxDecodeSeconds ?? DEFAULT_MAX_DECODE_SECONDS;
    this.tempRoot = options.tempRoot ?? tmpdir();
  }

  /** Decodes the first audio stream to nowhere, measuring its length and loudness on the way. */
  async inspect(audio: Uint8Array): Promise<AudioInspection> {
    return this.inTempDir(audio, async (input) => {
      const result = await this.ffmpeg([
        ...['-hide_banner', '-nostdin', ...SAFE_INPUT, '-i', input, '-map', '0:a:0', '-t', String(this.maxDecodeSeconds)],
        ...['-af', 'volumedetect', '-f', 'null', '-'],
      ]);
      // ffmpeg exits 1 for input it cannot open or decode ("Invalid data found", no audio stream, not an audio format).
      // Only its last line: the report above it lists the file's own tags, which can hold anything.
      if (result.exitCode !== 0) throw new UnreadableAudioError(`ffmpeg cannot decode the audio: ${lastLine(result.stderr)}`);
      return parseInspection(result.stderr, this.maxDecodeSeconds);
    });
  }

  async convert(audio: Uint8Array, to: SpeechEncoding): Promise<Uint8Array> {
    const encoding = ENCODINGS[to];
    return this.inTempDir(audio, async (input, dir) => {
      const output = join(dir, encoding.file);
      const result = await this.ffmpeg([
        ...['-hide_banner', '-nostdin', '-loglevel', 'error', ...SAFE_INPUT, '-i', input, '-map', '0:a:0'],
        // No tags or cover art from the customer's file reach the speech service.
        ...['-map_metadata', '-1', '-ac', '1', '-ar', '16000', '-t', String(this.maxDecodeSeconds)],
        ...encoding.args,
        ...['-y', output],
      ]);
      if (result.exitCode !== 0) throw new FfmpegFailedError(result.exitCode, result.signal, tail(result.stderr));
      return readFile(output);
    });
  }

  private async ffmpeg(args: string[]) {
    return runProcess(await this.binary(), args, { timeoutMs: this.timeoutMs, env: FFMPEG_ENVIRONMENT });
  }

  private async inTempDir<T>(audio: Uint8Array, work: (input: string, dir: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(this.tempRoot, 'zeta-audio-'));
    try {
      const input = join(dir, 'input');
      await writeFile(input, audio, { mode: 0o600 });
      return await work(input, dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

const CLOCK = String.raw`(\d+):(\d{2}):(\d{2}(?:\.\d+)?)`;

/**
 * Reads ffmpeg's report: the input section ("Input #0, ogg, from …",
 * "Duration: 00:00:02.34", "Stream #0:0: Audio: opus"), the last progress
 * line ("time=00:00:02.33") and volumedetect's "max_volume: -1.0 dB".
 */
export function parseInspection(stderr: string, maxDecodeSeconds: number): AudioInspection {
  const inputSection = stderr.split(/^(?:Stream mapping:|Output #0)/m)[0] ?? '';
  const demuxer = /^Input #0, (.+?), from /m.exec(inputSection)?.[1];
  // Anchored at line starts, and the last volume report taken: the file's own tags are printed in between, and say anything.
  const codec = /^\s*Stream #0:\d+\S*: Audio: ([\w-]+)/m.exec(inputSection)?.[1];
  if (demuxer === undefined || codec === undefined) throw new UnreadableAudioError('ffmpeg found no audio stream');

  const declared = seconds(new RegExp(`^\\s*Duration: ${CLOCK}`, 'm').exec(inputSection));
  const decoded = seconds([...stderr.matchAll(new RegExp(`time=${CLOCK}`, 'g'))].at(-1));
  if (declared === undefined && decoded === undefined) throw new UnreadableAudioError('ffmpeg reported no duration');
  // What was decoded is exact, unless decoding stopped at the cap: then the header knows better.
  const durationSeconds = decoded !== undefined && decoded < maxDecodeSeconds ? decoded : Math.max(declared ?? 0, decoded ?? 0);

  const peak = [...stderr.matchAll(/\] max_volume: (-?[\d.]+|-inf) dB$/gm)].at(-1)?.[1];
  const peakDecibels = peak === undefined || peak === '-inf' ? Number.NEGATIVE_INFINITY : Number(peak);
  return { format: formatOf(demuxer, codec), durationSeconds, peakDecibels };
}

function seconds(match: RegExpExecArray | RegExpMatchArray | null | undefined): number | undefined {
  if (!match) return undefined;
  const [, hours, minutes, rest] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(rest);
}

/** ffmpeg names demuxers by family ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm"); the codec decides within it. */
function formatOf(demuxer: string, codec: string): AudioFormat {
  const family = new Set(demuxer.split(','));
  if (codec.startsWith('amr')) return 'amr';
  if (family.has('ogg')) return ['opus', 'vorbis', 'flac'].includes(codec) ? 'ogg' : 'other';
  if (family.has('mp3')) return 'mp3';
  if (family.has('mp4')) return ['aac', 'alac', 'mp3'].includes(codec) ? 'm4a' : 'other';
  if (family.has('wav')) return codec.startsWith('pcm_') ? 'wav' : 'other';
  if (family.has('webm')) return ['opus', 'vorbis'].includes(codec) ? 'webm' : 'other';
  if (family.has('flac')) return 'flac';
  if (family.has('aac')) return 'aac';
  return 'other';
}

function tail(stderr: string): string {
  return stderr.trim().slice(-ERROR_TAIL_CHARS);
}

function lastLine(stderr: string): string {
  return stderr.trim().split('\n').at(-1) ?? '';
}
