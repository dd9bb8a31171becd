import { judgeCategory, TEMPLATE_CATEGORIES, type TemplateCategory } from './templateCategory';
import { TEMPLATE_LANGUAGE_CODES } from './templateLanguages';

/**
 * One template × language as it is submitted to Meta (POST
 * /{waba-id}/message_templates), whatever built it: `zeta templates sync` from
 * templates/message_templates.yaml, or the Graph stand-in from a request body.
 */
export interface TemplateSubmission {
  name: string;
  language: string;
  category: string;
  body: string;
  /** `example.body_text[0]`: one sample per parameter; undefined when the request has none. */
  examples?: readonly string[];
  headerText?: string;
  footer?: string;
  quickReplies: readonly string[];
  /** Buttons of other types (URL, phone…): they count toward the limit of ten. */
  otherButtons?: number;
}

/**
 * Meta answers some mistakes at once, as a Graph error (HTTP 400, code 100
 * and a subcode, with `error_user_title` and `error_user_msg` saying why). The
 * subcodes and wordings are the ones integrations report getting back: 2388299
 * and 2388293 by several, 2388043, 2388040, 2388072, 2388073 and 2388024 by fewer.
 */
export interface TemplateRefusal {
  code: 100;
  subcode?: number;
  title: string;
  message: string;
}

/** Meta's `rejected_reason` values (message_template_status_update webhook reference). */
export type RejectionReason = 'ABUSIVE_CONTENT' | 'INCORRECT_CATEGORY' | 'INVALID_FORMAT' | 'PROMOTIONAL' | 'SCAM' | 'TAG_CONTENT_MISMATCH';

export type ReviewOutcome =
  | { verdict: 'refused'; refusal: TemplateRefusal }
  /** Accepted, then REJECTED by review: `rejection_info` says why (Meta sends it for INVALID_FORMAT). */
  | { verdict: 'rejected'; reason: RejectionReason; info: { reason: string; recommendation: string }; category: TemplateCategory }
  /** APPROVED in the category Meta assigns, which may not be the one submitted. */
  | { verdict: 'approved'; category: TemplateCategory; categoryReason: string };

/** Meta: 1024 characters for a body, 60 for a header or a footer, 25 for a button's text, at most 10 buttons. */
export const TEMPLATE_LIMITS = { body: 1024, header: 60, footer: 60, buttonText: 25, buttons: 10, emoji: 10 } as const;

/**
 * Parameters need words around them: Meta refuses "too many variable
 * parameters relative to the message length" without publishing the ratio.
 * Integrations report refusals at 2 words a parameter and approvals from
 * 4.5; three words per parameter, counted without the words a parameter is
 * glued to and without one-letter words, is the line the stand-in draws.
 */
const WORDS_PER_PARAMETER = 3;

const PARAMETER = /\{\{(\d+)\}\}/g;
const EMOJI = /\p{Extended_Pictographic}/gu;
const KAZAKH_LETTERS = /[әғқңөұүһі]/iu;

const refuse = (subcode: number | undefined, title: string, message: string): ReviewOutcome => ({
  verdict: 'refused',
  refusal: { code: 100, ...(subcode === undefined ? {} : { subcode }), title, message },
});

const characters = (text: string): number => [...text].length;

/** Words that are text, not a parameter: tokens without a parameter in them, with two letters or digits at least. */
export function staticWords(body: string): number {
  return body.split(/\s+/).filter((token) => !token.includes('{{') && (token.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2).length;
}

function parameterNumbers(text: string): number[] {
  return [...text.matchAll(PARAMETER)].map((match) => Number(match[1]));
}

/** Braces that are not a well-formed {{n}}: "{{ 1 }}", "{1}", "{{name#}}". */
function hasMalformedParameter(text: string): boolean {
  return /[{}]/.test(text.replace(PARAMETER, ''));
}

/** Punctuation, spaces and emoji are not text: "…total {{2}}." still ends with a parameter. */
function danglingParameter(body: string): boolean {
  const trimmed = body.replace(/^[^\p{L}\p{N}{]+/u, '').replace(/[^\p{L}\p{N}}]+$/u, '');
  return /^\{\{\d+\}\}/.test(trimmed) || /\{\{\d+\}\}$/.test(trimmed);
}

function formatRefusal(submission: TemplateSubmission): ReviewOutcome | undefined {
  const { body } = submission;
  if (!/^[a-z0-9_]{1,512}$/.test(submission.name)) {
    return refuse(undefined, 'Invalid template name', 'Names are lower-case letters, digits and underscores, at most 512 characters.');
  }
  if (!TEMPLATE_LANGUAGE_CODES.has(submission.language)) {
    return refuse(undefined, 'Invalid language', `${submission.language} is not a supported template language code.`);
  }
  if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(submission.category)) {
    return refuse(undefined, 'Invalid category', 'The category must be UTILITY, MARKETING or AUTHENTICATION.');
  }
  if (body.trim() === '') return refuse(2388072, 'Message body is missing', 'Every template needs a body.');
  if (characters(body) > TEMPLATE_LIMITS.body) {
    return refuse(2388040, 'Message body too long', `The body can have at most ${TEMPLATE_LIMITS.body} characters.`);
  }
  if (submission.headerText !== undefined && characters(submission.headerText) > TEMPLATE_LIMITS.header) {
    return refuse(2388040, 'Header too long', `A text header can have at most ${TEMPLATE_LIMITS.header} characters.`);
  }
  if (submission.footer !== undefined && characters(submission.footer) > TEMPLATE_LIMITS.footer) {
    return refuse(2388040, 'Footer too long', `A footer can have at most ${TEMPLATE_LIMITS.footer} characters.`);
  }
  if (submission.footer !== undefined && /[{}]/.test(submission.footer)) {
    return refuse(2388073, 'Message footer format is incorrect', 'A footer cannot have parameters.');
  }
  if (hasMalformedParameter(body)) {
    return refuse(2388072, 'Message body format is incorrect', 'Parameters are written {{1}}, {{2}}…: two braces each side, digits only.');
  }
  const numbers = parameterNumbers(body);
  const distinct = [...new Set(numbers)].sort((a, b) => a - b);
  if (distinct.some((number, index) => number !== index + 1)) {
    return refuse(2388072, 'Message body format is incorrect', 'Parameters must be numbered in sequence from {{1}}, with no gap.');
  }
  if (
    distinct.length > 0 &&
    (submission.examples?.length !== distinct.length || submission.examples.some((value) => value.trim() === ''))
  ) {
    return refuse(2388043, 'Missing sample', 'BODY component does not contain the expected field(s) (example)');
  }
  if (danglingParameter(body)) {
    return refuse(2388299, 'Leading or trailing params not allowed', "Variables can't be at the start or end of the template.");
  }
  if (numbers.length > 0 && staticWords(body) < WORDS_PER_PARAMETER * numbers.length) {
    return refuse(
      2388293,
      'Params Words Ratio Exceeds Limit',
      'This template has too many variables for its length. Reduce the number of variables or increase the message length.',
    );
  }
  return buttonRefusal(submission);
}

function buttonRefusal({ quickReplies, otherButtons = 0 }: TemplateSubmission): ReviewOutcome | undefined {
  if (quickReplies.length + otherButtons > TEMPLATE_LIMITS.buttons) {
    return refuse(undefined, 'Too many buttons', `A template can have at most ${TEMPLATE_LIMITS.buttons} buttons.`);
  }
  for (const text of quickReplies) {
    if (text.trim() === '' || characters(text) > TEMPLATE_LIMITS.buttonText) {
      return refuse(undefined, 'Invalid button text', `Button text must have 1 to ${TEMPLATE_LIMITS.buttonText} characters: «${text}».`);
    }
  }
  if (new Set(quickReplies).size !== quickReplies.length) {
    return refuse(undefined, 'Duplicate buttons', 'Each quick reply button needs its own text.');
  }
  return undefined;
}

const reject = (reason: string, recommendation: string, category: TemplateCategory): ReviewOutcome => ({
  verdict: 'rejected',
  reason: 'INVALID_FORMAT',
  info: { reason, recommendation },
  category,
});

/** The script must be the declared language's: Meta rejects a template whose language does not match its content. */
function languageMismatch(language: string, body: string): boolean {
  const cyrillic = (body.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (body.match(/\p{Script=Latin}/gu) ?? []).length;
  if (language === 'kk') return cyrillic <= latin || !KAZAKH_LETTERS.test(body);
  if (language === 'ru') return cyrillic <= latin || /[әғқңөұүһ]/iu.test(body);
  if (language.startsWith('en')) return latin <= cyrillic;
  return false;
}

/**
 * How Meta's review answers a submission: refused at once for a format
 * mistake; accepted, then REJECTED with a reason for what its review finds;
 * otherwise APPROVED in the category it assigns (a UTILITY submission it
 * judges promotional is approved as MARKETING). `others` are the account's
 * templates already submitted: the same content twice is rejected.
 */
export function reviewTemplate(submission: TemplateSubmission, others: readonly TemplateSubmission[] = []): ReviewOutcome {
  const refused = formatRefusal(submission);
  if (refused !== undefined) return refused;
  const { body } = submission;
  const judgement = judgeCategory(submission.category as TemplateCategory, { body, buttons: submission.quickReplies });
  if (/\}\}[^\p{L}\p{N}]*\{\{/u.test(body)) {
    return reject(
      'Variable parameters are next to each other.',
      'Put words between the variables, or merge them into one.',
      judgement.category,
    );
  }
  const emoji = (body.match(EMOJI) ?? []).length;
  const emojiLimit = submission.category === 'AUTHENTICATION' ? 0 : TEMPLATE_LIMITS.emoji;
  if (emoji > emojiLimit) {
    return reject(`The body has ${emoji} emoji; this template can have at most ${emojiLimit}.`, 'Use fewer emoji.', judgement.category);
  }
  if (languageMismatch(submission.language, body)) {
    return reject(
      `The content is not in the template's language (${submission.language}).`,
      'Submit the text under its own language.',
      judgement.category,
    );
  }
  const same = others.find((other) => other.language === submission.language && other.body === body && other.footer === submission.footer);
  if (same !== undefined) {
    return reject(
      `The content is the same as the content in another template (${same.name}).`,
      'You need to change the content of your template.',
      judgement.category,
    );
  }
  if (submission.category === 'AUTHENTICATION' && judgement.category !== 'AUTHENTICATION') {
    return {
      verdict: 'rejected',
      reason: 'INCORRECT_CATEGORY',
      info: { reason: judgement.reason, recommendation: 'Submit it as UTILITY or MARKETING.' },
      category: judgement.category,
    };
  }
  return { verdict: 'approved', category: judgement.category, categoryReason: judgement.reason };
}
