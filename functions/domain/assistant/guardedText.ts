/**
 * The model's words as the price guard reads them: what a customer's phone
 * shows as digits is digits here too. NFKC turns full-width digits, the
 * full-width percent sign and odd spaces into plain ones; invisible format
 * characters (zero-width spaces and joiners) that split a number are dropped;
 * decimal digits of other scripts (Arabic-Indic, Devanagari…) become 0–9.
 */
export function guardedText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/\p{Nd}/gu, (digit) => (/[0-9]/.test(digit) ? digit : String(decimalValue(digit))));
}

/** A decimal digit's value: Unicode keeps each script's digits 0–9 in one consecutive run. */
function decimalValue(digit: string): number {
  const code = digit.codePointAt(0) as number;
  let zero = code;
  while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1)) && code - zero < 9) zero -= 1;
  return code - zero;
}
