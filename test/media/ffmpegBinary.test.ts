import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ffmpegBinaryResolver,
  ffmpegCandidates,
  FfmpegNotFoundError,
  ffmpegStaticPath,
  LAMBDA_LAYER_FFMPEG,
  problemRunning,
  resolveFfmpegBinary,
} from '../../functions/adapters/media/ffmpegBinary';
import { FfmpegAudioTools } from '../../functions/adapters/media/ffmpegAudioTools';
import { makeAudioFixtures, type AudioFixtures } from './audioFixtures';

let directory: string;
let audio: AudioFixtures;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'zeta-ffmpeg-bin-'));
  audio = await makeAudioFixtures();
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  await audio.remove();
});

async function executable(name: string, script: string): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, script);
  await chmod(path, 0o755);
  return path;
}

describe('finding ffmpeg', () => {
  it('looks at ffmpeg-static, then the Lambda layer, then the PATH', () => {
    expect(ffmpegCandidates(undefined, '/app/node_modules/ffmpeg-static/ffmpeg')).toEqual([
      { source: 'ffmpeg-static', path: '/app/node_modules/ffmpeg-static/ffmpeg' },
      { source: 'Lambda layer', path: LAMBDA_LAYER_FFMPEG },
      { source: 'PATH', path: 'ffmpeg' },
    ]);
    expect(ffmpegCandidates(undefined, undefined).map((candidate) => candidate.source)).toEqual(['Lambda layer', 'PATH']);
  });

  it('takes the first candidate that runs', async () => {
    const working = new Set(['/opt/bin/ffmpeg', 'ffmpeg']);
    const problemWith = async (path: string) => (working.has(path) ? undefined : 'does not exist');
    expect(await resolveFfmpegBinary(ffmpegCandidates(undefined, '/static/ffmpeg'), problemWith)).toBe('/opt/bin/ffmpeg');
  });

  it("on this machine: ffmpeg-static's download was not allowed and there is no layer, so Debian's ffmpeg on the PATH", async () => {
    const staticPath = ffmpegStaticPath();
    expect(staticPath).toMatch(/node_modules\/ffmpeg-static\/ffmpeg$/);
    expect(await problemRunning(staticPath!)).toBe('does not exist');
    expect(await ffmpegBinaryResolver(undefined)()).toBe('ffmpeg');
  });

  it('FFMPEG_BIN wins, and the audio tools really run it', async () => {
    const marker = join(directory, 'used');
    const wrapper = await executable('my-ffmpeg', `#!/bin/sh\necho used > ${marker}\nexec ffmpeg "$@"\n`);
    expect(ffmpegCandidates(wrapper, '/static/ffmpeg')).toEqual([{ source: 'FFMPEG_BIN', path: wrapper }]);
    const binary = ffmpegBinaryResolver(wrapper);
    expect(await binary()).toBe(wrapper);

    await rm(marker, { force: true });
    const inspection = await new FfmpegAudioTools({ binary }).inspect(audio.ogg);
    expect(inspection.format).toBe('ogg');
    expect(await readFile(marker, 'utf8')).toBe('used\n');
  });

  it('a missing FFMPEG_BIN is a clear error, not a quiet fallback to another ffmpeg', async () => {
    const missing = join(directory, 'no-such-ffmpeg');
    const error = await ffmpegBinaryResolver(missing)().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FfmpegNotFoundError);
    expect((error as FfmpegNotFoundError).tried).toEqual([{ source: 'FFMPEG_BIN', path: missing, problem: 'does not exist' }]);
    expect((error as Error).message).toContain(`FFMPEG_BIN (${missing}) does not exist`);
    expect((error as Error).message).toMatch(/Set FFMPEG_BIN .*apt-get install ffmpeg.*\/opt\/bin\/ffmpeg/);
  });

  it('says what is wrong with each candidate', async () => {
    const notExecutable = join(directory, 'plain-file');
    await writeFile(notExecutable, 'not a program');
    expect(await problemRunning(notExecutable)).toBe('is not executable');
    expect(await problemRunning(await executable('not-ffmpeg', '#!/bin/sh\necho hello\n'))).toBe('is not a working ffmpeg (exit 0)');
    expect(await problemRunning('no-such-program-on-the-path')).toBe('was not found');
    expect(await problemRunning('ffmpeg')).toBeUndefined();
  });
});
