const SHOWN_MS = 5_000;

/** A short note at the bottom of the chat when something could not be sent. */
export function createToast(element: HTMLElement): (error: unknown) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (error) => {
    element.textContent = `Не отправлено: ${error instanceof Error ? error.message : String(error)}`;
    element.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => (element.hidden = true), SHOWN_MS);
  };
}
