import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FfmpegAudioTools } from '../../functions/adapters/media/ffmpegAudioTools';
import { headerFirstAudioTools, readOggOpus } from '../../functions/adapters/media/oggOpus';
import type { AudioTools } from '../../functions/domain/media/audioTools';
import { makeAudioFixtures, type AudioFixtures } from './audioFixtures';

/**
 * Issue 17: ffmpeg is a 2019 build parsing customers' files. It must not see
 * the function's AWS credentials, and it must not see WhatsApp's own voice
 * notes (OGG/Opus) at all: those are measured from their headers and go to
 * speech-to-text as they are.
 */
let audio: AudioFixtures;
let directory: string;

beforeAll(async () => {
  audio = await makeAudioFixtures();
  directory = await mkdtemp(join(tmpdir(), 'zeta-ffmpeg-env-'));
});
afterAll(async () => {
  await audio.remove();
  await rm(directory, { recursive: true, force: true });
});

describe('ffmpeg runs with a minimal environment', () => {
  it('does not hand the AWS credentials, or any other variable of the function, to ffmpeg', async () => {
    // An "ffmpeg" that writes down what it was given, then runs the real one: what a decoder exploit would read.
    const seen = join(directory, 'environment.txt');
    const spy = join(directory, 'ffmpeg');
    await writeFile(spy, `#!/bin/sh\nenv > '${seen}'\nexec ffmpeg "$@"\n`);
    await chmod(spy, 0o755);
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'ASIAISSUE17',
      AWS_SECRET_ACCESS_KEY: 'issue-17-secret',
      AWS_SESSION_TOKEN: 'issue-17-token',
    });
    try {
      const tools = new FfmpegAudioTools({ binary: async () => spy, tempRoot: directory });
      expect(await tools.inspect(audio.amr)).toMatchObject({ format: 'amr' });
    } finally {
      for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
    const environment = await readFile(seen, 'utf8');
    expect(environment).not.toMatch(/issue-17|ASIAISSUE17|^AWS_/m);
    expect(environment).not.toContain('WHATSAPP');
  });
});

describe('OGG/Opus voice notes are read without ffmpeg', () => {
  const noFfmpeg: AudioTools = {
    inspect: async () => {
      throw new Error('ffmpeg must not read an OGG/Opus note');
    },
    convert: async () => {
      throw new Error('ffmpeg must not convert an OGG/Opus note');
    },
  };
  const tools = headerFirstAudioTools(noFfmpeg);

  it('measures a note, a long note and a silent one from the container', async () => {
    const note = await tools.inspect(audio.ogg);
    expect(note.format).toBe('ogg');
    expect(note.durationSeconds).toBeGreaterThan(1.5);
    expect(note.durationSeconds).toBeLessThan(4);
    expect(note.peakDecibels).toBeUndefined();
    expect((await tools.inspect(audio.long)).durationSeconds).toBeCloseTo(125, 1);
    expect((await tools.inspect(audio.silence)).peakDecibels).toBe(Number.NEGATIVE_INFINITY);
  });

  it('agrees with ffmpeg on the length', async () => {
    const ffmpeg = new FfmpegAudioTools({ binary: async () => 'ffmpeg', tempRoot: directory });
    const [fromHeaders, fromDecoder] = [readOggOpus(audio.ogg)?.durationSeconds ?? 0, (await ffmpeg.inspect(audio.ogg)).durationSeconds];
    expect(Math.abs(fromHeaders - fromDecoder)).toBeLessThan(0.05);
  });

  it('leaves every other format, and a damaged or chained OGG, to ffmpeg', async () => {
    const seen: string[] = [];
    const counting = headerFirstAudioTools({
      inspect: async (bytes) => {
        seen.push(Buffer.from(bytes).subarray(0, 4).toString('latin1'));
        return { format: 'other', durationSeconds: 1 };
      },
      convert: async (bytes) => bytes,
    });
    await counting.inspect(audio.amr);
    await counting.inspect(audio.mp3);
    await counting.inspect(audio.ogg.subarray(0, audio.ogg.length - 7));
    await counting.inspect(Buffer.concat([audio.ogg, audio.ogg]));
    expect(seen).toHaveLength(4);
  });
});
