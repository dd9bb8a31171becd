import type {
  ButtonsMessage,
  ListMessage,
  ListRow,
  ListSection,
  OutboundMessage,
  TemplateComponent,
  TemplateMessage,
} from '../../domain/whatsapp/outboundMessage';

/**
 * The Cloud API's length and count limits. Lengths are counted in UTF-16 code
 * units (String#length): that is never less than code points or graphemes, so
 * whichever unit Meta counts in, a value within these limits is accepted.
 */
export const CLOUD_API_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  interactiveHeaderText: 60,
  interactiveFooter: 60,
  replyButtons: 3,
  replyButtonTitle: 20,
  replyButtonId: 256,
  listButtonLabel: 20,
  listSections: 10,
  listRowsTotal: 10,
  listRowTitle: 24,
  listRowDescription: 72,
  listRowId: 200,
  listSectionTitle: 24,
  imageCaption: 1024,
  /** Template text parameters may not hold newlines, tabs or more than this many spaces in a row. */
  templateTextConsecutiveSpaces: 4,
} as const;

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter('ru', { granularity: 'grapheme' });

/** No-break spaces keep "189 990 ₸" on one line: they are formatting, not runs of white space. */
const BREAKING_SPACE = /[^\S\u00a0\u202f]+/gu;
const BREAKING_SPACE_EXCEPT_NEWLINE = /[^\S\n\u00a0\u202f]+/gu;

/** For titles, labels and ids: one line, one space between words. */
function toSingleLine(text: string): string {
  return text.replace(BREAKING_SPACE, ' ').trim();
}

/** For bodies and captions: line breaks are formatting the customer sees, so they stay (at most one empty line in a row). */
function tidyMultiline(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(BREAKING_SPACE_EXCEPT_NEWLINE, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Shortens to at most `max` code units, ending in "…". Cuts between graphemes
 * (an emoji or a "й" written as и + combining breve is never split) and, when
 * a word boundary is not too far back, between words.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  const budget = max - ELLIPSIS.length;
  let prefix = '';
  let endsAtWordBoundary = false;
  for (const { segment } of graphemes.segment(text)) {
    if (prefix.length + segment.length > budget) {
      endsAtWordBoundary = /^\s/u.test(segment);
      break;
    }
    prefix += segment;
  }
  if (!endsAtWordBoundary) {
    const lastSpace = prefix.search(/\s\S*$/u);
    // A single very long word is cut mid-word rather than throwing most of the text away.
    if (lastSpace > budget / 2) prefix = prefix.slice(0, lastSpace);
  }
  const withoutTrailingPunctuation = prefix.replace(/[\s,.;:!?\-–—…(«"'/]+$/u, '');
  return (withoutTrailingPunctuation || prefix.trimEnd()) + ELLIPSIS;
}

/** Ids are matched by machines, so they are cut without an ellipsis; still between graphemes. */
function cutId(id: string, max: number): string {
  if (id.length <= max) return id;
  let prefix = '';
  for (const { segment } of graphemes.segment(id)) {
    if (prefix.length + segment.length > max) break;
    prefix += segment;
  }
  return prefix;
}

/**
 * Makes every value unique by appending a counter (" 2", " 3"…) to repeats,
 * re-shortening the original so that value and counter fit in `max` together.
 */
function makeUnique(
  values: string[],
  max: number,
  fit: (value: string, max: number) => string,
  separator: string,
  keyOf: (value: string) => string,
): string[] {
  const used = new Set<string>();
  return values.map((value) => {
    let candidate = fit(value, max);
    for (let counter = 2; used.has(keyOf(candidate)); counter++) {
      const suffix = `${separator}${counter}`;
      candidate = fit(value, max - suffix.length) + suffix;
    }
    used.add(keyOf(candidate));
    return candidate;
  });
}

const caseInsensitive = (value: string) => value.toLocaleLowerCase('ru');
const exact = (value: string) => value;

/** Shortens, collapses whitespace, trims counts and removes duplicates so that the Cloud API accepts the message. */
export function fitToLimits(message: OutboundMessage): OutboundMessage {
  switch (message.kind) {
    case 'text':
      return { ...message, body: shorten(tidyMultiline(message.body), CLOUD_API_LIMITS.textBody) };
    case 'image': {
      const { caption, ...image } = message;
      const fitted = caption === undefined ? '' : shorten(tidyMultiline(caption), CLOUD_API_LIMITS.imageCaption);
      return fitted === '' ? image : { ...image, caption: fitted };
    }
    case 'buttons':
      return fitButtons(message);
    case 'list':
      return fitList(message);
    case 'template':
      return fitTemplate(message);
  }
}

function fitFooter(footer: string | undefined): { footer?: string } {
  const fitted = footer === undefined ? '' : shorten(tidyMultiline(footer), CLOUD_API_LIMITS.interactiveFooter);
  return fitted === '' ? {} : { footer: fitted };
}

function fitHeaderText(text: string | undefined): string | undefined {
  const fitted = text === undefined ? '' : shorten(toSingleLine(text), CLOUD_API_LIMITS.interactiveHeaderText);
  return fitted === '' ? undefined : fitted;
}

function fitButtons(message: ButtonsMessage): ButtonsMessage {
  const kept = message.buttons.slice(0, CLOUD_API_LIMITS.replyButtons);
  const titles = makeUnique(
    kept.map((button) => toSingleLine(button.title)),
    CLOUD_API_LIMITS.replyButtonTitle,
    shorten,
    ' ',
    caseInsensitive,
  );
  const ids = makeUnique(
    kept.map((button) => button.id),
    CLOUD_API_LIMITS.replyButtonId,
    cutId,
    '~',
    exact,
  );
  const { header, footer, ...rest } = message;
  const fitted: ButtonsMessage = {
    ...rest,
    body: shorten(tidyMultiline(message.body), CLOUD_API_LIMITS.interactiveBody),
    buttons: kept.map((_, index) => ({ id: ids[index] ?? '', title: titles[index] ?? '' })),
    ...fitFooter(footer),
  };
  if (header?.type === 'image') return { ...fitted, header };
  const headerText = fitHeaderText(header?.text);
  return headerText === undefined ? fitted : { ...fitted, header: { type: 'text', text: headerText } };
}

function fitList(message: ListMessage): ListMessage {
  const sections = keepFirstRows(message.sections, CLOUD_API_LIMITS.listRowsTotal);
  const rows = sections.flatMap((section) => section.rows);
  const titles = makeUnique(
    rows.map((row) => toSingleLine(row.title)),
    CLOUD_API_LIMITS.listRowTitle,
    shorten,
    ' ',
    caseInsensitive,
  );
  const ids = makeUnique(
    rows.map((row) => row.id),
    CLOUD_API_LIMITS.listRowId,
    cutId,
    '~',
    exact,
  );
  let rowIndex = 0;
  const fittedSections = sections.map((section): ListSection => {
    const title = section.title === undefined ? '' : shorten(toSingleLine(section.title), CLOUD_API_LIMITS.listSectionTitle);
    const fittedRows = section.rows.map((row): ListRow => {
      const index = rowIndex++;
      const description = row.description === undefined ? '' : shorten(toSingleLine(row.description), CLOUD_API_LIMITS.listRowDescription);
      return { id: ids[index] ?? '', title: titles[index] ?? '', ...(description === '' ? {} : { description }) };
    });
    return title === '' ? { rows: fittedRows } : { title, rows: fittedRows };
  });
  const { header, footer, ...rest } = message;
  const headerText = fitHeaderText(header);
  return {
    ...rest,
    body: shorten(tidyMultiline(message.body), CLOUD_API_LIMITS.interactiveBody),
    button: shorten(toSingleLine(message.button), CLOUD_API_LIMITS.listButtonLabel),
    sections: withRequiredSectionTitles(fittedSections),
    ...(headerText === undefined ? {} : { header: headerText }),
    ...fitFooter(footer),
  };
}

/** Keeps rows in order up to `maxRows` in total and drops sections left empty. */
function keepFirstRows(sections: ListSection[], maxRows: number): ListSection[] {
  let remaining = maxRows;
  const kept: ListSection[] = [];
  for (const section of sections) {
    const rows = section.rows.slice(0, remaining);
    remaining -= rows.length;
    if (rows.length > 0) kept.push({ ...section, rows });
  }
  return kept;
}

/**
 * With more than one section every section needs a title. Rather than invent
 * titles, untitled sections are merged into one list: the rows all stay.
 */
function withRequiredSectionTitles(sections: ListSection[]): ListSection[] {
  if (sections.length <= 1 || sections.every((section) => section.title !== undefined)) return sections;
  return [{ rows: sections.flatMap((section) => section.rows) }];
}

function fitTemplate(message: TemplateMessage): TemplateMessage {
  return { ...message, components: message.components.map(fitTemplateComponent) };
}

function fitTemplateComponent(component: TemplateComponent): TemplateComponent {
  return {
    ...component,
    parameters: component.parameters.map((parameter) => {
      if (parameter.type === 'text') return { ...parameter, text: toSingleLine(parameter.text) };
      if (parameter.type === 'currency') return { ...parameter, fallbackValue: toSingleLine(parameter.fallbackValue) };
      return parameter;
    }),
  };
}
