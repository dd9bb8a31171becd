// Every replacement is one UTF-16 unit for one, so offsets into the
// normalised text are offsets into the customer's original message.
const REPLACEMENTS: Readonly<Record<string, string>> = {
  ё: 'е',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '`': "'",
  '\u00b4': "'",
};

/** Lowercases and folds ё, dashes, quotes and odd spaces the way people mix them when typing. */
export function normalizeText(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    // A few capitals lowercase to two code units (İ); keeping the first keeps offsets aligned.
    const single = lower.length === char.length ? lower : char;
    out += REPLACEMENTS[single] ?? single;
  }
  return out;
}
