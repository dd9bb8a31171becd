import { signBody } from '../../../functions/webhook/signature';
import { buttonReply, contact, imageMessage, statusUpdate, textMessage, voiceMessage, webhookBody } from '../../support/cloudApiPayloads';
import type { Random } from '../../../scripts/seededRandom';

/** One request the fuzzer sends to /webhook, and the one answer it must get. */
export interface BadRequest {
  kind: 'malformed json' | 'schema violation' | 'wrong signature' | 'oversized' | 'wrong method';
  method: string;
  headers: Record<string, string>;
  body: Buffer;
  expectedStatus: number;
  /** What was done to it, to read in a failure message. */
  detail: string;
}

type Json = Record<string, unknown>;

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;

/** A valid Cloud API body with one to three messages or statuses of any kind the assistant reads. */
export function validBody(random: Random, waId: string): Json {
  const makers = [
    () => textMessage(waId, pick(['хочу диван', 'серый шкаф до 200 тысяч', 'сәлем 👋', 'hello "quoted" \\ text'], random)),
    () => voiceMessage(waId),
    () => imageMessage(waId, random() < 0.5 ? 'такой стол' : undefined),
    () => buttonReply(waId, 'product:SOF-001', 'Диван'),
  ];
  const count = 1 + Math.floor(random() * 3);
  if (random() < 0.2) return webhookBody({ statuses: [statusUpdate(waId, `wamid.out${Math.floor(random() * 1e9)}`, 'delivered')] });
  return webhookBody({ contacts: [contact(waId)], messages: Array.from({ length: count }, () => pick(makers, random)()) });
}

type Violation = readonly [string, (body: Json, random: Random) => boolean];

/** Each makes a body no webhook envelope (400); it does nothing when its target is absent. */
const ENVELOPE_VIOLATIONS: readonly Violation[] = [
  ['object missing', (body) => delete body.object],
  ['object not a string', (body) => ((body.object = 42), true)],
  ['entry empty', (body) => ((body.entry = []), true)],
  ['entry not an array', (body) => ((body.entry = { id: '1' }), true)],
  ['entry id missing', (body) => withEntry(body, (entry) => delete entry.id)],
  ['changes not an array', (body) => withEntry(body, (entry) => ((entry.changes = 'messages'), true))],
  ['change field missing', (body) => withChange(body, (change) => delete change.field)],
];

/**
 * Each breaks one part inside a genuine envelope: the body is still Meta's
 * (200), the broken part is left out or answered politely, the rest goes on.
 */
const PART_VIOLATIONS: readonly Violation[] = [
  ['metadata missing', (body) => withValue(body, (value) => delete value.metadata)],
  ['phone_number_id not a string', (body) => withValue(body, (value) => ((value.metadata = { phone_number_id: 1 }), true))],
  ['another business number', (body) => withValue(body, (value) => ((value.metadata = { phone_number_id: '999999999999999' }), true))],
  ['messages not an array', (body) => withValue(body, (value) => value.messages !== undefined && ((value.messages = {}), true))],
  ['message id missing', (body) => withMessage(body, (message) => delete message.id)],
  ['message id empty', (body) => withMessage(body, (message) => ((message.id = ''), true))],
  ['message id too long', (body) => withMessage(body, (message) => ((message.id = 'w'.repeat(257)), true))],
  ['timestamp not a number', (body) => withMessage(body, (message) => ((message.timestamp = 'yesterday'), true))],
  ['timestamp negative', (body) => withMessage(body, (message) => ((message.timestamp = -5), true))],
  ['type missing', (body) => withMessage(body, (message) => delete message.type)],
  ['no sender', (body) => withMessage(body, (message) => delete message.from)],
  ['text without body', (body) => withMessage(body, (message) => message.type === 'text' && ((message.text = {}), true))],
  ['text body a number', (body) => withMessage(body, (message) => message.type === 'text' && ((message.text = { body: 7 }), true))],
  ['audio without id', (body) => withMessage(body, (message) => message.type === 'audio' && ((message.audio = { voice: true }), true))],
  ['image not an object', (body) => withMessage(body, (message) => message.type === 'image' && ((message.image = 'photo.jpg'), true))],
  [
    'interactive without type',
    (body) => withMessage(body, (message) => message.type === 'interactive' && ((message.interactive = {}), true)),
  ],
  [
    'interactive missing (error 131000)',
    (body) => withMessage(body, (message) => message.type === 'interactive' && delete message.interactive),
  ],
  ['status without id', (body) => withStatus(body, (status) => delete status.id)],
  ['status timestamp not a number', (body) => withStatus(body, (status) => ((status.timestamp = 'now'), true))],
  ['contacts not an array', (body) => withValue(body, (value) => ((value.contacts = 'Айгерим'), true))],
];

function withEntry(body: Json, change: (entry: Json) => boolean): boolean {
  const entry = (body.entry as Json[] | undefined)?.[0];
  return typeof entry === 'object' && entry !== null && change(entry);
}

function withChange(body: Json, change: (value: Json) => boolean): boolean {
  return withEntry(body, (entry) => {
    const first = (entry.changes as Json[] | undefined)?.[0];
    return Array.isArray(entry.changes) && typeof first === 'object' && first !== null && change(first);
  });
}

function withValue(body: Json, change: (value: Json) => boolean): boolean {
  return withChange(
    body,
    (field) => field.field === 'messages' && typeof field.value === 'object' && field.value !== null && change(field.value as Json),
  );
}

function withMessage(body: Json, change: (message: Json) => boolean): boolean {
  return withValue(body, (value) => {
    const messages = value.messages as Json[] | undefined;
    const message = Array.isArray(messages) ? messages[messages.length - 1] : undefined;
    return message !== undefined && change(message);
  });
}

function withStatus(body: Json, change: (status: Json) => boolean): boolean {
  return withValue(body, (value) => {
    const status = (value.statuses as Json[] | undefined)?.[0];
    return status !== undefined && change(status);
  });
}

const signed = (body: Buffer, appSecret: string) => ({
  'content-type': 'application/json',
  'x-hub-signature-256': signBody(body, appSecret),
});

function applyViolations(body: Json, violations: readonly Violation[], random: Random): string[] {
  const applied: string[] = [];
  for (let attempt = 0; applied.length === 0 || (attempt < 3 && random() < 0.4); attempt += 1) {
    const [name, violate] = pick(violations, random);
    if (violate(body, random)) applied.push(name);
  }
  return applied;
}

/** A valid body broken out of the envelope's shape by one to three violations, signed with the app secret: 400. */
function schemaViolation(random: Random, appSecret: string, waId: string): BadRequest {
  const body = validBody(random, waId);
  const applied = applyViolations(body, ENVELOPE_VIOLATIONS, random);
  const raw = Buffer.from(random() < 0.1 ? JSON.stringify([body]) : JSON.stringify(body));
  return {
    kind: 'schema violation',
    method: 'POST',
    headers: signed(raw, appSecret),
    body: raw,
    expectedStatus: 400,
    detail: applied.join(', '),
  };
}

/** A genuine body with one to three of its parts broken, and whether any message of it can still be answered. */
export interface OddBody {
  raw: string;
  detail: string;
  answerable: boolean;
}

/** Whether a message of ours survives in the body: an attributable change for our number with a message that names its sender. */
function hasAnswerableMessage(body: Json, phoneNumberId: string): boolean {
  let answerable = false;
  withValue(body, (value) => {
    const metadata = value.metadata as Json | undefined;
    const messages = value.messages;
    answerable =
      metadata?.phone_number_id === phoneNumberId &&
      Array.isArray(messages) &&
      messages.some((message: Json) => typeof message.from === 'string' && message.from !== '');
    return true;
  });
  return answerable;
}

export function oddBody(random: Random, waId: string, phoneNumberId: string): OddBody {
  const body = validBody(random, waId);
  const applied = applyViolations(body, PART_VIOLATIONS, random);
  return { raw: JSON.stringify(body), detail: applied.join(', '), answerable: hasAnswerableMessage(body, phoneNumberId) };
}

const JSON_ISH = '{}[]",:0123456789.-+eEtrufalsn \\абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcxyz😀';

/** Text that is not one JSON document, signed: 400. */
function malformedJson(random: Random, appSecret: string, waId: string): BadRequest {
  const valid = JSON.stringify(validBody(random, waId));
  const characters = [...JSON_ISH];
  const variants: Array<[string, () => Buffer]> = [
    ['truncated', () => Buffer.from(valid.slice(0, 1 + Math.floor(random() * (valid.length - 2))))],
    [
      'random JSON-ish text',
      () => Buffer.from(Array.from({ length: 1 + Math.floor(random() * 512) }, () => pick(characters, random)).join('')),
    ],
    ['trailing garbage', () => Buffer.from(`${valid}}`)],
    ['two documents', () => Buffer.from(`${valid}${valid}`)],
    ['empty', () => Buffer.alloc(0)],
    ['single quotes', () => Buffer.from(valid.replaceAll('"', "'"))],
  ];
  for (;;) {
    const [detail, make] = pick(variants, random);
    const raw = make();
    if (!isJson(raw))
      return { kind: 'malformed json', method: 'POST', headers: signed(raw, appSecret), body: raw, expectedStatus: 400, detail };
  }
}

/**
 * Bytes that are not UTF-8, signed over those bytes: 401. API Gateway hands
 * the Lambda a JSON body as text, so the bytes the signature covered never
 * reach it; Meta only ever sends UTF-8.
 */
function notUtf8(random: Random, appSecret: string): BadRequest {
  const raw = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 512) }, () => 0x80 + Math.floor(random() * 128)));
  return { kind: 'malformed json', method: 'POST', headers: signed(raw, appSecret), body: raw, expectedStatus: 401, detail: 'not UTF-8' };
}

function isJson(raw: Buffer): boolean {
  try {
    JSON.parse(raw.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** A valid body whose signature is missing or not the app secret's over these bytes: 401. */
function wrongSignature(random: Random, appSecret: string, waId: string): BadRequest {
  const raw = Buffer.from(JSON.stringify(validBody(random, waId)));
  const good = signBody(raw, appSecret);
  const variants: Array<[string, () => string | undefined]> = [
    ['missing', () => undefined],
    ['empty', () => ''],
    ['another secret', () => signBody(raw, `${appSecret}x`)],
    ['over other bytes', () => signBody(Buffer.concat([raw, Buffer.from(' ')]), appSecret)],
    ['sha1 prefix', () => good.replace('sha256=', 'sha1=')],
    ['no prefix', () => good.slice('sha256='.length)],
    ['truncated', () => good.slice(0, good.length - 1 - Math.floor(random() * 20))],
    ['not hex', () => `sha256=${'zz'.repeat(32)}`],
    ['one digit changed', () => good.slice(0, -1) + (good.endsWith('0') ? '1' : '0')],
    ['too long', () => `${good}00`],
  ];
  const [detail, make] = pick(variants, random);
  const signature = make();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['x-hub-signature-256'] = signature;
  return { kind: 'wrong signature', method: 'POST', headers, body: raw, expectedStatus: 401, detail };
}

/** Over the 3 MiB Meta never exceeds, signed: 413 before anything is parsed. */
export function oversized(random: Random, appSecret: string, waId: string, limitBytes: number): BadRequest {
  const body = validBody(random, waId);
  const padding = 'я'.repeat(Math.ceil(limitBytes / 2) + 1 + Math.floor(random() * 1024));
  const raw = Buffer.from(JSON.stringify({ ...body, padding }));
  return {
    kind: 'oversized',
    method: 'POST',
    headers: signed(raw, appSecret),
    body: raw,
    expectedStatus: 413,
    detail: `${raw.length} bytes`,
  };
}

function wrongMethod(random: Random, appSecret: string, waId: string): BadRequest {
  const raw = Buffer.from(JSON.stringify(validBody(random, waId)));
  const method = pick(['PUT', 'PATCH', 'DELETE'], random);
  return { kind: 'wrong method', method, headers: signed(raw, appSecret), body: raw, expectedStatus: 405, detail: method };
}

/** A seeded stream of bad requests, in the proportions Meta's mistakes and an attacker's probes would come in. */
export function badRequest(random: Random, appSecret: string, waId: string): BadRequest {
  const draw = random();
  if (draw < 0.45) return schemaViolation(random, appSecret, waId);
  if (draw < 0.68) return malformedJson(random, appSecret, waId);
  if (draw < 0.7) return notUtf8(random, appSecret);
  if (draw < 0.97) return wrongSignature(random, appSecret, waId);
  return wrongMethod(random, appSecret, waId);
}
