import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFfmpegLayer, elfMachine, extractFromTgz, FFMPEG_PACKAGE, FfmpegLayerError, sha256Hex } from '../../scripts/fetchFfmpegLayer';
import { FFMPEG_LAYER_BINARY } from '../../layers/ffmpeg/layerPath';

const run = promisify(execFile);
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'zeta-layer-test-'));
});
afterAll(async () => rm(directory, { recursive: true, force: true }));

/** A .tgz the way npm packs one: everything under package/. */
async function tarball(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(directory, 'pkg-'));
  await mkdir(join(root, 'package'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(root, 'package', name), content);
  const path = join(root, 'package.tgz');
  await run('tar', ['-czf', path, '-C', root, 'package']);
  return path;
}

describe('building the ffmpeg layer', () => {
  it('reads one file out of an npm tarball', async () => {
    const tgz = await readFile(await tarball({ 'package.json': '{}', ffmpeg: 'binary bytes' }));
    expect(extractFromTgz(tgz, 'package/ffmpeg')?.toString()).toBe('binary bytes');
    expect(extractFromTgz(tgz, 'package/ffprobe')).toBeUndefined();
  });

  it('tells an arm64 executable from others', async () => {
    expect(elfMachine(await readFile('/usr/bin/ffmpeg'))).not.toBe(183);
    expect(elfMachine(Buffer.from('#!/bin/sh\n'))).toBeUndefined();
  });

  it('refuses a tarball whose integrity is not the pinned one, and writes nothing', async () => {
    const binaryPath = join(directory, 'refused', 'bin', 'ffmpeg');
    const fake = await tarball({ ffmpeg: 'not ffmpeg' });
    const error = await buildFfmpegLayer({ binaryPath, pack: async () => fake }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FfmpegLayerError);
    expect((error as Error).message).toContain(`expected ${FFMPEG_PACKAGE.integrity}`);
    expect(existsSync(binaryPath)).toBe(false);
  });

  it('packs the pinned package from the npm registry, verifies it and installs bin/ffmpeg 0755; then it is up to date', async () => {
    const binaryPath = join(directory, 'layer', 'bin', 'ffmpeg');
    expect(await buildFfmpegLayer({ binaryPath })).toBe('built');
    const binary = await readFile(binaryPath);
    expect(elfMachine(binary)).toBe(183);
    expect(sha256Hex(binary)).toBe(FFMPEG_PACKAGE.binarySha256);
    expect((await stat(binaryPath)).mode & 0o777).toBe(0o755);
    expect(await buildFfmpegLayer({ binaryPath, pack: () => Promise.reject(new Error('no network needed')) })).toBe('up-to-date');
  }, 120_000);

  it("the project's layer (built by postinstall) is the verified binary", async () => {
    expect(sha256Hex(await readFile(FFMPEG_LAYER_BINARY))).toBe(FFMPEG_PACKAGE.binarySha256);
  });
});
