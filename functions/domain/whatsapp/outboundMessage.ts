/**
 * What the assistant wants to send, independent of the Graph API's wire format.
 * The Graph client turns these into Cloud API request bodies and enforces the
 * Cloud API's limits (it shortens, it never lets the API reject a message).
 */
export interface ReplyButton {
  id: string;
  title: string;
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ListSection {
  title?: string;
  rows: ListRow[];
}

export type MessageHeader = { type: 'text'; text: string } | { type: 'image'; link: string };

export interface TextMessage {
  kind: 'text';
  body: string;
  previewUrl?: boolean;
}

export interface ButtonsMessage {
  kind: 'buttons';
  body: string;
  buttons: ReplyButton[];
  header?: MessageHeader;
  footer?: string;
}

export interface ListMessage {
  kind: 'list';
  body: string;
  button: string;
  sections: ListSection[];
  header?: string;
  footer?: string;
}

export interface ImageMessage {
  kind: 'image';
  link: string;
  caption?: string;
}

export type TemplateParameter =
  | { type: 'text'; text: string; parameterName?: string }
  | { type: 'currency'; fallbackValue: string; code: string; amount1000: number }
  | { type: 'image'; link: string };

export interface TemplateComponent {
  type: 'header' | 'body' | 'button';
  subType?: 'quick_reply' | 'url';
  index?: number;
  parameters: Array<TemplateParameter | { type: 'payload'; payload: string }>;
}

export interface TemplateMessage {
  kind: 'template';
  name: string;
  language: string;
  components: TemplateComponent[];
}

export type OutboundMessage = TextMessage | ButtonsMessage | ListMessage | ImageMessage | TemplateMessage;
