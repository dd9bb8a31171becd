/**
 * WhatsApp's text formatting as HTML: *bold*, _italic_, ~strikethrough~,
 * ```monospace``` and `inline code`, links made clickable. Everything is
 * HTML-escaped first; the only tags in the result are the ones added here.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Code spans first: WhatsApp shows the markers inside them as they are. */
const CODE_SPANS = /(```[\s\S]+?```|`[^`\n]+`)/;

/**
 * A marker pair counts only around text that starts and ends with a
 * non-space, and not in the middle of a word: "snake_case_name" stays as it is.
 */
const EMPHASIS: ReadonlyArray<{ marker: string; tag: string }> = [
  { marker: '\\*', tag: 'strong' },
  { marker: '_', tag: 'em' },
  { marker: '~', tag: 's' },
];

const EMPHASIS_PATTERNS = EMPHASIS.map(({ marker, tag }) => ({
  pattern: new RegExp(`(^|[^\\p{L}\\p{N}])${marker}(?=\\S)([^\\n]*?\\S)${marker}(?![\\p{L}\\p{N}])`, 'gu'),
  replacement: `$1<${tag}>$2</${tag}>`,
}));

/** Links in escaped text; punctuation that ends a sentence is not part of the link. */
const LINK = /\bhttps?:\/\/[^\s<]+[^\s<.,!?:;)»"]/g;

function formatPlain(escaped: string): string {
  let html = escaped;
  for (const { pattern, replacement } of EMPHASIS_PATTERNS) html = html.replace(pattern, replacement);
  return html.replace(LINK, (url) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`);
}

export function formatWhatsAppText(text: string): string {
  return text
    .split(CODE_SPANS)
    .map((part, index) => {
      // split() with a capturing group puts the code spans at the odd indexes.
      if (index % 2 === 0) return formatPlain(escapeHtml(part));
      if (part.startsWith('```')) return `<code class="mono">${escapeHtml(part.slice(3, -3))}</code>`;
      return `<code class="inline-code">${escapeHtml(part.slice(1, -1))}</code>`;
    })
    .join('');
}
