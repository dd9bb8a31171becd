import { describe, expect, it } from 'vitest';
import { ConfigurationError, parseEnvironment } from '../../functions/config/environment';

describe('media settings', () => {
  it('default to WhatsApp-sized caps, two minutes and gpt-4o-mini-transcribe', () => {
    expect(parseEnvironment({})).toMatchObject({
      VOICE_MAX_BYTES: 16 * 1024 * 1024,
      VOICE_MAX_SECONDS: 120,
      PHOTO_MAX_BYTES: 5 * 1024 * 1024,
      TRANSCRIBE_MODEL: 'gpt-4o-mini-transcribe',
    });
  });

  it('read the environment', () => {
    expect(
      parseEnvironment({
        VOICE_MAX_BYTES: '1048576',
        VOICE_MAX_SECONDS: '60',
        PHOTO_MAX_BYTES: '2000000',
        TRANSCRIBE_MODEL: 'whisper-1',
        FFMPEG_BIN: ' /usr/local/bin/ffmpeg ',
      }),
    ).toMatchObject({
      VOICE_MAX_BYTES: 1048576,
      VOICE_MAX_SECONDS: 60,
      PHOTO_MAX_BYTES: 2000000,
      TRANSCRIBE_MODEL: 'whisper-1',
      FFMPEG_BIN: '/usr/local/bin/ffmpeg',
    });
    expect(parseEnvironment({ FFMPEG_BIN: '' }).FFMPEG_BIN).toBeUndefined();
  });

  it('fail the cold start on a typo rather than at the first voice note', () => {
    expect(() => parseEnvironment({ TRANSCRIBE_MODEL: 'whisper-2' })).toThrow(ConfigurationError);
    expect(() => parseEnvironment({ VOICE_MAX_SECONDS: 'two minutes' })).toThrow(/VOICE_MAX_SECONDS/);
  });
});
