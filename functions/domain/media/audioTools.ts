/**
 * What a file holds, as far as speech-to-text cares: the container, narrowed
 * by codec where that decides whether it is accepted ("amr" also covers AMR
 * inside a 3GP container; "other" is anything else ffmpeg could decode).
 */
export type AudioFormat = 'ogg' | 'mp3' | 'm4a' | 'wav' | 'webm' | 'flac' | 'amr' | 'aac' | 'other';

/** What audio is re-encoded to for speech-to-text: Opus in OGG, or MP3. */
export type SpeechEncoding = 'ogg' | 'mp3';

export interface AudioInspection {
  format: AudioFormat;
  durationSeconds: number;
  /**
   * The loudest sample in dBFS (0 is full scale); -91 or lower is digital
   * silence. Undefined when not measured: an OGG/Opus note read from its
   * headers alone, whose packets showed sound.
   */
  peakDecibels?: number;
}

/** Decoding and re-encoding audio (ffmpeg). Tool failures (missing binary, timeout) are thrown. */
export interface AudioTools {
  /** Throws UnreadableAudioError when the bytes hold no decodable audio. */
  inspect(audio: Uint8Array): Promise<AudioInspection>;
  /** Mono 16 kHz at a speech bitrate: what a voice needs, and far fewer bytes to upload. */
  convert(audio: Uint8Array, to: SpeechEncoding): Promise<Uint8Array>;
}

/** The file is not audio, or is damaged beyond decoding: nothing a retry could fix. */
export class UnreadableAudioError extends Error {
  override readonly name = 'UnreadableAudioError';
}
