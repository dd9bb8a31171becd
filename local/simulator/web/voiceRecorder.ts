/**
 * A voice note recorded in the browser. WhatsApp's own notes are Ogg/Opus;
 * Chromium records WebM/Opus, which the assistant's ffmpeg reads just as well.
 */

export interface VoiceRecording {
  startedAt: number;
  /** Stops and hands back the note. */
  finish(): Promise<Blob>;
  cancel(): void;
}

const PREFERRED_TYPES = ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus'];

export function canRecordVoice(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** Rejects when there is no microphone or the user says no; the page then offers an audio file instead. */
export async function startVoiceRecording(): Promise<VoiceRecording> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const mimeType = PREFERRED_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
  const recorder = new MediaRecorder(stream, mimeType === undefined ? {} : { mimeType });
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
  const release = () => {
    for (const track of stream.getTracks()) track.stop();
  };
  recorder.start();

  return {
    startedAt: Date.now(),
    async finish() {
      recorder.stop();
      await stopped;
      release();
      return new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
    },
    cancel() {
      if (recorder.state !== 'inactive') recorder.stop();
      release();
    },
  };
}
