import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The ffmpeg Lambda layer's content: `bin/ffmpeg` for linux-arm64, which
 * Lambda extracts to /opt/bin/ffmpeg. Built, without network at synth, by
 * scripts/fetchFfmpegLayer.ts (npm's postinstall); gitignored.
 */
export const FFMPEG_LAYER_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), '.build');
export const FFMPEG_LAYER_BINARY = join(FFMPEG_LAYER_DIRECTORY, 'bin', 'ffmpeg');

/** The layer directory for `Code.fromAsset`, or a clear error when it has not been built. */
export function builtFfmpegLayerDirectory(): string {
  if (!existsSync(FFMPEG_LAYER_BINARY)) {
    throw new Error(`The ffmpeg layer is not built (${FFMPEG_LAYER_BINARY} is missing): run \`npx tsx scripts/fetchFfmpegLayer.ts\`.`);
  }
  return FFMPEG_LAYER_DIRECTORY;
}
