import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProcessTimeoutError } from '../../functions/adapters/media/childProcess';
import { FfmpegAudioTools } from '../../functions/adapters/media/ffmpegAudioTools';
import { UnreadableAudioError } from '../../functions/domain/media/audioTools';
import { FFMPEG_LAYER_BINARY } from '../../layers/ffmpeg/layerPath';
import { describeAudio, makeAudioFixtures, type AudioFixtures } from './audioFixtures';

const run = promisify(execFile);
let audio: AudioFixtures;
let tempRoot: string;
let tools: FfmpegAudioTools;

beforeAll(async () => {
  audio = await makeAudioFixtures();
  tempRoot = await mkdtemp(join(tmpdir(), 'zeta-audio-tools-'));
  tools = new FfmpegAudioTools({ binary: async () => 'ffmpeg', tempRoot });
});
afterAll(async () => {
  await audio.remove();
  await rm(tempRoot, { recursive: true, force: true });
});

describe('FfmpegAudioTools with Debian ffmpeg', () => {
  it('tells the format, length and loudness of each kind of note', async () => {
    const ogg = await tools.inspect(audio.ogg);
    expect(ogg).toMatchObject({ format: 'ogg' });
    expect(ogg.durationSeconds).toBeGreaterThan(1.5);
    expect(ogg.durationSeconds).toBeLessThan(4);
    expect(ogg.peakDecibels).toBeGreaterThan(-20);

    expect(await tools.inspect(audio.amr)).toMatchObject({ format: 'amr' });
    expect(await tools.inspect(audio.mp3)).toMatchObject({ format: 'mp3' });
    expect(await tools.inspect(audio.wav)).toMatchObject({ format: 'wav' });
    expect((await tools.inspect(audio.long)).durationSeconds).toBeCloseTo(125, 0);
    expect((await tools.inspect(audio.silence)).peakDecibels).toBeLessThanOrEqual(-90);
  });

  it('tells the other formats people forward: M4A, raw AAC, WebM, FLAC', async () => {
    const encode = async (args: string[]) => {
      const output = join(audio.directory, `forwarded-${args.join('-').replace(/\W/g, '')}`);
      await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', audio.wavPath, ...args, output]);
      return readFile(output);
    };
    expect(await tools.inspect(await encode(['-c:a', 'aac', '-f', 'mp4']))).toMatchObject({ format: 'm4a' });
    expect(await tools.inspect(await encode(['-c:a', 'aac', '-f', 'adts']))).toMatchObject({ format: 'aac' });
    expect(await tools.inspect(await encode(['-c:a', 'libopus', '-f', 'webm']))).toMatchObject({ format: 'webm' });
    expect(await tools.inspect(await encode(['-f', 'flac']))).toMatchObject({ format: 'flac' });
  });

  it('refuses a playlist posing as a voice note, which would have ffmpeg read other local files', async () => {
    const playlist = `#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\n${audio.wavPath}\n#EXT-X-ENDLIST\n`;
    await expect(tools.inspect(Buffer.from(playlist))).rejects.toBeInstanceOf(UnreadableAudioError);
    await expect(tools.convert(Buffer.from(playlist), 'ogg')).rejects.toThrow(/not on whitelist/);
  });

  it('calls bytes that are not audio unreadable', async () => {
    await expect(tools.inspect(Buffer.from('not a voice note at all'))).rejects.toBeInstanceOf(UnreadableAudioError);
    await expect(tools.inspect(audio.jpeg)).rejects.toBeInstanceOf(UnreadableAudioError);
  });

  it("drops the customer's file tags when converting", async () => {
    const tagged = join(audio.directory, 'tagged.mp3');
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', audio.wavPath, '-metadata', 'title=Dana 87011234567', tagged]);
    const converted = await tools.convert(await readFile(tagged), 'ogg');
    expect(Buffer.from(converted).toString('latin1')).not.toContain('87011234567');
  });

  it("is not fooled by a file's tags that mimic ffmpeg's report", async () => {
    const spoof = join(audio.directory, 'spoof.mp3');
    const title = 'x\n  Duration: 00:09:00.00, start\n  Stream #0:0: Audio: amr_nb\n[Parsed_volumedetect_0 @ 0x1] max_volume: -95.0 dB';
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', audio.wavPath, '-metadata', `title=${title}`, spoof]);
    const inspection = await tools.inspect(await readFile(spoof));
    expect(inspection.format).toBe('mp3');
    expect(inspection.durationSeconds).toBeLessThan(4);
    expect(inspection.peakDecibels).toBeGreaterThan(-20);
  });

  it('converts AMR to mono 16 kHz OGG/Opus and MP3', async () => {
    const ogg = await tools.convert(audio.amr, 'ogg');
    expect(Buffer.from(ogg).toString('latin1', 0, 4)).toBe('OggS');
    expect(await describeAudio(ogg, audio.directory)).toMatch(/^opus, 48000 Hz, mono/); // Opus always decodes at 48 kHz
    expect((await tools.inspect(ogg)).durationSeconds).toBeGreaterThan(1.5);

    const mp3 = await tools.convert(audio.amr, 'mp3');
    expect(await describeAudio(mp3, audio.directory)).toMatch(/^mp3, 16000 Hz, mono, fltp, 32 kb\/s/);
  });

  it('shrinks a 350 kbps WAV to a small fraction', async () => {
    const ogg = await tools.convert(audio.wav, 'ogg');
    expect(ogg.byteLength).toBeLessThan(audio.wav.byteLength / 5);
  });

  it('leaves no temporary files behind, failed or not', async () => {
    await tools.convert(audio.ogg, 'ogg');
    await tools.inspect(Buffer.from('garbage')).catch(() => undefined);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('kills an ffmpeg that hangs', async () => {
    const stuck = join(tempRoot, '..', `stuck-ffmpeg-${process.pid}`);
    await writeFile(stuck, '#!/bin/sh\nsleep 10\n');
    await chmod(stuck, 0o755);
    const hanging = new FfmpegAudioTools({ binary: async () => stuck, timeoutMs: 300, tempRoot });
    const started = Date.now();
    await expect(hanging.inspect(audio.ogg)).rejects.toBeInstanceOf(ProcessTimeoutError);
    expect(Date.now() - started).toBeLessThan(3_000);
    await rm(stuck);
  });
});

// The Lambda layer's own binary (a 2019 static build, linux-arm64), run through qemu (Debian's qemu-user-static, installed by .ci/run):
// its report must read the same as Debian's ffmpeg 5.
const qemu = '/usr/bin/qemu-aarch64-static';
describe('the ffmpeg layer binary (linux-arm64, under qemu)', () => {
  it('inspects and converts the same notes', async () => {
    const wrapper = join(audio.directory, 'layer-ffmpeg');
    await writeFile(wrapper, `#!/bin/sh\nexec ${qemu} ${FFMPEG_LAYER_BINARY} "$@"\n`);
    await chmod(wrapper, 0o755);
    const layer = new FfmpegAudioTools({ binary: async () => wrapper, tempRoot });

    expect(await layer.inspect(audio.ogg)).toMatchObject({ format: 'ogg' });
    const amr = await layer.inspect(audio.amr);
    expect(amr.format).toBe('amr');
    expect(amr.durationSeconds).toBeGreaterThan(1.5);
    const converted = await layer.convert(audio.amr, 'ogg');
    expect(await describeAudio(converted, audio.directory)).toMatch(/^opus, 48000 Hz, mono/);
    expect((await layer.inspect(audio.long)).durationSeconds).toBeCloseTo(125, 0);
  }, 120_000);
});
