import { h } from './dom';
import { icon } from './icons';
import { canRecordVoice, startVoiceRecording, type VoiceRecording } from './voiceRecorder';

export interface ComposerActions {
  sendText(text: string): Promise<void>;
  sendPhoto(photo: File, caption: string): Promise<void>;
  /** `voice`: recorded here as a voice note; otherwise an audio file the customer picked. */
  sendAudio(audio: Blob, voice: boolean): Promise<void>;
  /** Something could not be sent; the message says what. */
  failed(error: unknown): void;
}

/**
 * The bar at the bottom of the chat: type and send, attach a photo (with a
 * caption, after a preview) or an audio file, or record a voice note (tap the
 * microphone, then send). The round button is a microphone while the field is
 * empty and a send arrow otherwise, as in WhatsApp. Without a microphone (or
 * permission) the microphone picks an audio file instead.
 */
export function createComposer(bar: HTMLElement, overlayHost: HTMLElement, actions: ComposerActions): { focus(): void } {
  const input = h('input', {
    class: 'composer__input',
    id: 'composer-text',
    placeholder: 'Сообщение',
    'aria-label': 'Сообщение',
    autocomplete: 'off',
  });
  const photoInput = h('input', { type: 'file', id: 'photo-input', accept: 'image/*', class: 'visually-hidden' });
  const audioInput = h('input', { type: 'file', id: 'audio-input', accept: 'audio/*', class: 'visually-hidden' });
  const attachMenu = h(
    'div',
    { class: 'attach-menu', hidden: true },
    h(
      'label',
      { class: 'attach-menu__item' },
      h('span', { class: 'attach-menu__icon attach-menu__icon--photo' }, icon('photo')),
      'Фото',
      photoInput,
    ),
    h(
      'label',
      { class: 'attach-menu__item' },
      h('span', { class: 'attach-menu__icon attach-menu__icon--audio' }, icon('headset')),
      'Аудиофайл',
      audioInput,
    ),
  );
  const attachButton = h(
    'button',
    {
      type: 'button',
      class: 'icon-button composer__attach-button',
      'aria-label': 'Прикрепить',
      'aria-expanded': 'false',
      on: { click: () => toggleMenu() },
    },
    icon('attach'),
  );
  const recordingTime = h('span', { class: 'recording__time' }, '0:00');
  const recordingBar = h(
    'div',
    { class: 'recording', hidden: true },
    h('span', { class: 'recording__dot', 'aria-hidden': 'true' }),
    recordingTime,
    h('span', { class: 'recording__hint' }, 'Запись…'),
    h(
      'button',
      { type: 'button', class: 'icon-button', 'aria-label': 'Удалить запись', on: { click: () => cancelRecording() } },
      icon('delete'),
    ),
  );
  const roundButton = h('button', { type: 'submit', class: 'round-button composer__send' });
  const form = h(
    'form',
    {
      class: 'composer',
      on: {
        submit: (event) => {
          event.preventDefault();
          void onRoundButton();
        },
      },
    },
    h('div', { class: 'composer__attach' }, attachButton, attachMenu),
    h('div', { class: 'composer__field' }, input, recordingBar),
    roundButton,
  );
  bar.replaceChildren(form);

  let recording: VoiceRecording | undefined;
  let recordingTimer: ReturnType<typeof setInterval> | undefined;

  function updateRoundButton(): void {
    const send = recording !== undefined || input.value.trim() !== '';
    roundButton.replaceChildren(icon(send ? 'send' : 'mic'));
    roundButton.setAttribute('aria-label', send ? 'Отправить' : 'Голосовое сообщение');
  }

  function toggleMenu(open = attachMenu.hidden): void {
    attachMenu.hidden = !open;
    attachButton.setAttribute('aria-expanded', String(open));
  }

  async function onRoundButton(): Promise<void> {
    if (recording !== undefined) return finishRecording();
    const text = input.value.trim();
    if (text === '') return startRecording();
    input.value = '';
    updateRoundButton();
    try {
      await actions.sendText(text);
    } catch (error) {
      input.value = text;
      updateRoundButton();
      actions.failed(error);
    }
  }

  async function startRecording(): Promise<void> {
    if (!canRecordVoice()) return audioInput.click();
    try {
      recording = await startVoiceRecording();
    } catch {
      return audioInput.click();
    }
    const startedAt = recording.startedAt;
    input.hidden = true;
    recordingBar.hidden = false;
    recordingTimer = setInterval(() => {
      const seconds = Math.floor((Date.now() - startedAt) / 1000);
      recordingTime.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    }, 250);
    updateRoundButton();
  }

  function stopRecordingUi(): void {
    clearInterval(recordingTimer);
    recording = undefined;
    recordingTime.textContent = '0:00';
    recordingBar.hidden = true;
    input.hidden = false;
    updateRoundButton();
  }

  function cancelRecording(): void {
    recording?.cancel();
    stopRecordingUi();
  }

  async function finishRecording(): Promise<void> {
    const finished = recording;
    if (finished === undefined) return;
    stopRecordingUi();
    try {
      await actions.sendAudio(await finished.finish(), true);
    } catch (error) {
      actions.failed(error);
    }
  }

  function previewPhoto(photo: File): void {
    const url = URL.createObjectURL(photo);
    const caption = h('input', {
      class: 'photo-preview__caption',
      id: 'photo-caption',
      placeholder: 'Добавьте подпись…',
      'aria-label': 'Подпись',
      autocomplete: 'off',
    });
    const close = () => {
      URL.revokeObjectURL(url);
      preview.remove();
    };
    const send = async (event: Event) => {
      event.preventDefault();
      close();
      try {
        await actions.sendPhoto(photo, caption.value.trim());
      } catch (error) {
        actions.failed(error);
      }
    };
    const preview = h(
      'form',
      { class: 'photo-preview', on: { submit: (event) => void send(event) } },
      h(
        'header',
        { class: 'photo-preview__header' },
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Закрыть', on: { click: close } }, icon('close')),
        h('span', {}, photo.name),
      ),
      h('div', { class: 'photo-preview__stage' }, h('img', { class: 'photo-preview__image', src: url, alt: 'Выбранное фото' })),
      h(
        'div',
        { class: 'photo-preview__footer' },
        caption,
        h('button', { type: 'submit', class: 'round-button', id: 'photo-send', 'aria-label': 'Отправить фото' }, icon('send')),
      ),
    );
    overlayHost.querySelector('.photo-preview')?.remove();
    overlayHost.append(preview);
    caption.focus();
  }

  input.addEventListener('input', updateRoundButton);
  photoInput.addEventListener('change', () => {
    const photo = photoInput.files?.[0];
    photoInput.value = '';
    toggleMenu(false);
    if (photo !== undefined) previewPhoto(photo);
  });
  audioInput.addEventListener('change', () => {
    const audio = audioInput.files?.[0];
    audioInput.value = '';
    toggleMenu(false);
    if (audio !== undefined) actions.sendAudio(audio, false).catch(actions.failed);
  });
  document.addEventListener('click', (event) => {
    if (!attachMenu.hidden && !form.querySelector('.composer__attach')?.contains(event.target as Node)) toggleMenu(false);
  });
  updateRoundButton();

  return { focus: () => input.focus() };
}
