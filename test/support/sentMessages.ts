/** What tests read of a Graph API request body the assistant sent: its text, buttons and list rows. */
export interface SentBody {
  type: string;
  to?: string;
  recipient?: string;
  text?: { body: string };
  interactive?: {
    type: string;
    body: { text: string };
    action: { buttons?: Array<{ reply: { id: string; title: string } }>; sections?: Array<{ rows: Array<{ id: string }> }> };
  };
  template?: { name: string };
}

/** The words of a text, button or list message. */
export function textOf(body: SentBody | undefined): string {
  return body?.text?.body ?? body?.interactive?.body.text ?? '';
}
