import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What the tests say into the microphone. */
export const SPOKEN = 'хочу серый диван до трёхсот тысяч';

export interface AudioFixtures {
  /** espeak-ng's Russian voice, 22.05 kHz 16-bit PCM: about 350 kbps. */
  wav: Buffer;
  wavPath: string;
  /** As WhatsApp records voice notes: OGG/Opus, mono. */
  ogg: Buffer;
  /** AMR-NB, as old phones and call recorders forward it (sox: Debian's ffmpeg has no AMR encoder). */
  amr: Buffer;
  mp3: Buffer;
  /** The same sentence padded with silence to 125 s: over the 120 s limit. */
  long: Buffer;
  /** Three seconds of digital silence in OGG/Opus. */
  silence: Buffer;
  /** A 96×64 JPEG photo. */
  jpeg: Buffer;
  directory: string;
  remove(): Promise<void>;
}

const ffmpeg = (...args: string[]) => run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args]);

/** Real audio, made on this machine with espeak-ng, ffmpeg and sox (as CI installs them). */
export async function makeAudioFixtures(): Promise<AudioFixtures> {
  const directory = await mkdtemp(join(tmpdir(), 'zeta-audio-fixtures-'));
  const path = (name: string) => join(directory, name);
  await run('espeak-ng', ['-v', 'ru', '-w', path('speech.wav'), SPOKEN]);
  await Promise.all([
    ffmpeg('-i', path('speech.wav'), '-ac', '1', '-c:a', 'libopus', '-b:a', '16k', '-application', 'voip', path('voice.ogg')),
    run('sox', [path('speech.wav'), '-r', '8000', '-c', '1', '-t', 'amr-nb', path('voice.amr')]),
    ffmpeg('-i', path('speech.wav'), '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '32k', path('voice.mp3')),
    ffmpeg('-i', path('speech.wav'), '-af', 'apad=whole_dur=125', '-ac', '1', '-c:a', 'libopus', '-b:a', '16k', path('long.ogg')),
    ffmpeg('-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-t', '3', '-c:a', 'libopus', path('silence.ogg')),
    ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=96x64', '-frames:v', '1', path('photo.jpg')),
  ]);
  const [wav, ogg, amr, mp3, long, silence, jpeg] = await Promise.all(
    ['speech.wav', 'voice.ogg', 'voice.amr', 'voice.mp3', 'long.ogg', 'silence.ogg', 'photo.jpg'].map((name) => readFile(path(name))),
  );
  return {
    wav: wav!,
    wavPath: path('speech.wav'),
    ogg: ogg!,
    amr: amr!,
    mp3: mp3!,
    long: long!,
    silence: silence!,
    jpeg: jpeg!,
    directory,
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}

/** "16000 Hz, mono" and the codec, as ffmpeg reports a file's first audio stream. */
export async function describeAudio(bytes: Uint8Array, directory: string): Promise<string> {
  const file = join(directory, `probe-${process.hrtime.bigint()}`);
  await writeFile(file, bytes);
  // Without an output file ffmpeg exits 1 after describing the input.
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostdin', '-i', file]).catch((error: { stderr: string }) => error);
  return /Stream #0:\d+\S*: Audio: (.+)/.exec(stderr)?.[1] ?? 'no audio';
}
