import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { runProcess } from '../functions/adapters/media/childProcess';
import { FFMPEG_LAYER_BINARY } from '../layers/ffmpeg/layerPath';

/**
 * Builds the ffmpeg Lambda layer (layers/ffmpeg/.build/bin/ffmpeg) from the
 * npm registry alone, so that `cdk synth` needs no network: a static
 * linux-arm64 ffmpeg (johnvansickle.com's build of 2019-06-05, with libopus,
 * libmp3lame and opencore-amr) ships inside this package. Its package.json says
 * cpu: arm64, so `npm install` skips it on x64; `npm pack` fetches the tarball
 * whatever the machine. Run from npm's postinstall; does nothing when the
 * binary is already there.
 */
export const FFMPEG_PACKAGE = {
  name: '@ffmpeg-installer/linux-arm64',
  version: '4.1.4',
  /** `npm view @ffmpeg-installer/linux-arm64@4.1.4 dist.integrity` */
  integrity: 'sha512-dljEqAOD0oIM6O6DxBW9US/FkvqvQwgJ2lGHOwHDDwu/pX8+V0YsDL1xqHbj1DMX/+nP9rxw7G7gcUvGspSoKg==',
  /** Of `package/ffmpeg` in that tarball: tells an up-to-date layer without the network. */
  binarySha256: '115a825e246078acf820ea2afcaf1b3ff87f1b93f7035ecad38d3223cca55297',
  binaryPath: 'package/ffmpeg',
} as const;

/** ELF e_machine of 64-bit ARM. */
const EM_AARCH64 = 183;
const PACK_TIMEOUT_MS = 5 * 60_000;

export class FfmpegLayerError extends Error {
  override readonly name = 'FfmpegLayerError';
}

/** Subresource Integrity, as npm records a tarball's `dist.integrity`. */
export function sha512Integrity(bytes: Uint8Array): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One regular file out of a .tgz (ustar, as npm packs), or undefined when it is not there. */
export function extractFromTgz(tgz: Uint8Array, wanted: string): Buffer | undefined {
  const tar = gunzipSync(tgz);
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return undefined;
    const field = (start: number, length: number) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = prefix === '' ? field(0, 100) : `${prefix}/${field(0, 100)}`;
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const body = offset + 512;
    if (name === wanted && (type === '0' || type === '')) return Buffer.from(tar.subarray(body, body + size));
    offset = body + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/** The ELF machine of an executable, or undefined when it is not an ELF file. */
export function elfMachine(bytes: Uint8Array): number | undefined {
  const isElf = bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
  return isElf && bytes.length > 20 ? Buffer.from(bytes).readUInt16LE(18) : undefined;
}

/** `npm pack <name>@<version>` into `directory`; answers the tarball's path. */
async function npmPack(directory: string): Promise<string> {
  const spec = `${FFMPEG_PACKAGE.name}@${FFMPEG_PACKAGE.version}`;
  const args = ['pack', spec, '--pack-destination', directory, '--json', '--ignore-scripts'];
  // Under npm (postinstall), run the very npm that is installing.
  const npmCli = process.env.npm_execpath;
  const [file, fileArgs] = npmCli?.endsWith('.js') ? [process.execPath, [npmCli, ...args]] : ['npm', args];
  const result = await runProcess(file, fileArgs, { timeoutMs: PACK_TIMEOUT_MS });
  if (result.exitCode !== 0) throw new FfmpegLayerError(`npm pack ${spec} failed: ${result.stderr.trim().slice(-600)}`);
  const [packed] = JSON.parse(result.stdout) as Array<{ filename: string }>;
  if (packed === undefined) throw new FfmpegLayerError(`npm pack ${spec} reported no tarball`);
  return join(directory, packed.filename);
}

/**
 * Puts the verified linux-arm64 ffmpeg at `binaryPath` (0755), unless the
 * right binary is already there.
 */
export async function buildFfmpegLayer(
  options: { binaryPath?: string; pack?: (directory: string) => Promise<string> } = {},
): Promise<'up-to-date' | 'built'> {
  const binaryPath = options.binaryPath ?? FFMPEG_LAYER_BINARY;
  const pack = options.pack ?? npmPack;
  if (existsSync(binaryPath) && sha256Hex(await readFile(binaryPath)) === FFMPEG_PACKAGE.binarySha256) return 'up-to-date';

  const work = await mkdtemp(join(tmpdir(), 'zeta-ffmpeg-layer-'));
  try {
    const tarball = await readFile(await pack(work));
    const integrity = sha512Integrity(tarball);
    if (integrity !== FFMPEG_PACKAGE.integrity) {
      throw new FfmpegLayerError(
        `${FFMPEG_PACKAGE.name}@${FFMPEG_PACKAGE.version} has integrity ${integrity}, expected ${FFMPEG_PACKAGE.integrity}`,
      );
    }
    const binary = extractFromTgz(tarball, FFMPEG_PACKAGE.binaryPath);
    if (binary === undefined) throw new FfmpegLayerError(`${FFMPEG_PACKAGE.binaryPath} is not in the tarball`);
    if (elfMachine(binary) !== EM_AARCH64) throw new FfmpegLayerError(`${FFMPEG_PACKAGE.binaryPath} is not a linux-arm64 executable`);
    if (sha256Hex(binary) !== FFMPEG_PACKAGE.binarySha256)
      throw new FfmpegLayerError(`${FFMPEG_PACKAGE.binaryPath} has an unexpected sha256`);

    await mkdir(dirname(binaryPath), { recursive: true });
    // Written aside and renamed, so an interrupted install never leaves half a binary that looks built.
    const partial = `${binaryPath}.partial`;
    await writeFile(partial, binary);
    await chmod(partial, 0o755);
    await rename(partial, binaryPath);
    return 'built';
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildFfmpegLayer().then(
    (outcome) => console.log(`ffmpeg layer ${outcome}: ${FFMPEG_LAYER_BINARY}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
