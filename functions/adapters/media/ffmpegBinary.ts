import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { ProcessStartError, ProcessTimeoutError, runProcess } from './childProcess';

export type FfmpegSource = 'FFMPEG_BIN' | 'ffmpeg-static' | 'Lambda layer' | 'PATH';

export interface FfmpegCandidate {
  source: FfmpegSource;
  path: string;
}

/** Where the ffmpeg layer (layers/ffmpeg) puts the binary: layers are extracted under /opt. */
export const LAMBDA_LAYER_FFMPEG = '/opt/bin/ffmpeg';

const VERSION_TIMEOUT_MS = 5_000;

/** No candidate ran; `tried` says what was wrong with each. */
export class FfmpegNotFoundError extends Error {
  override readonly name = 'FfmpegNotFoundError';
  constructor(readonly tried: ReadonlyArray<FfmpegCandidate & { problem: string }>) {
    super(
      `No working ffmpeg: ${tried.map((t) => `${t.source} (${t.path}) ${t.problem}`).join('; ')}. ` +
        'Set FFMPEG_BIN to an ffmpeg binary, install ffmpeg on the PATH (apt-get install ffmpeg), ' +
        `or attach the ffmpeg Lambda layer (${LAMBDA_LAYER_FFMPEG}, built into layers/ffmpeg/.build by npm install).`,
    );
  }
}

/**
 * Where to look, in order. An explicit FFMPEG_BIN is the only candidate: a
 * wrong setting must fail loudly rather than quietly run another ffmpeg.
 */
export function ffmpegCandidates(ffmpegBin: string | undefined, staticPath: string | undefined): FfmpegCandidate[] {
  if (ffmpegBin !== undefined) return [{ source: 'FFMPEG_BIN', path: ffmpegBin }];
  return [
    ...(staticPath === undefined ? [] : [{ source: 'ffmpeg-static' as const, path: staticPath }]),
    { source: 'Lambda layer', path: LAMBDA_LAYER_FFMPEG },
    { source: 'PATH', path: 'ffmpeg' },
  ];
}

/** The first candidate that runs; throws FfmpegNotFoundError naming what was tried. */
export async function resolveFfmpegBinary(
  candidates: readonly FfmpegCandidate[],
  problemWith: (path: string) => Promise<string | undefined> = problemRunning,
): Promise<string> {
  const tried: Array<FfmpegCandidate & { problem: string }> = [];
  for (const candidate of candidates) {
    const problem = await problemWith(candidate.path);
    if (problem === undefined) return candidate.path;
    tried.push({ ...candidate, problem });
  }
  throw new FfmpegNotFoundError(tried);
}

/** Resolved once per cold start, on first use; a failure is retried on the next call. */
export function ffmpegBinaryResolver(ffmpegBin: string | undefined): () => Promise<string> {
  let resolved: Promise<string> | undefined;
  return () => {
    resolved ??= resolveFfmpegBinary(ffmpegCandidates(ffmpegBin, ffmpegStaticPath())).catch((error: unknown) => {
      resolved = undefined;
      throw error;
    });
    return resolved;
  };
}

/** Undefined when `path -version` runs and says it is ffmpeg; otherwise what is wrong, for the error message. */
export async function problemRunning(path: string): Promise<string | undefined> {
  if (isAbsolute(path)) {
    try {
      await access(path, constants.X_OK);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not executable';
    }
  }
  try {
    const result = await runProcess(path, ['-hide_banner', '-version'], { timeoutMs: VERSION_TIMEOUT_MS });
    if (result.exitCode === 0 && result.stdout.startsWith('ffmpeg version')) return undefined;
    return `is not a working ffmpeg (exit ${result.exitCode ?? result.signal})`;
  } catch (error) {
    if (error instanceof ProcessStartError) return error.code === 'ENOENT' ? 'was not found' : `could not be started (${error.code})`;
    if (error instanceof ProcessTimeoutError) return `did not answer -version within ${VERSION_TIMEOUT_MS} ms`;
    throw error;
  }
}

/**
 * ffmpeg-static's binary sits next to its package.json once its install script
 * has downloaded it (the project does not allow that script, so usually it has
 * not). Not resolvable in the Lambda bundle, where node_modules is absent.
 */
export function ffmpegStaticPath(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('ffmpeg-static/package.json')), 'ffmpeg');
  } catch {
    return undefined;
  }
}
