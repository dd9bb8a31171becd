/**
 * Money in the ledger. One webhook invocation costs about a micro-dollar,
 * a Lambda millisecond far less, so amounts are kept to the nano-dollar:
 * rounded there once per component, and summed as whole nano-dollars so that
 * totals over millions of rows are exact, not float drift.
 */
const NANOS_PER_USD = 1_000_000_000;

export function toNanos(usd: number): number {
  return Math.round(usd * NANOS_PER_USD);
}

export function fromNanos(nanos: number): number {
  return nanos / NANOS_PER_USD;
}

/** USD rounded to the nano-dollar, as stored. */
export function roundUsd(usd: number): number {
  return fromNanos(toNanos(usd));
}

export function sumUsd(amounts: Iterable<number>): number {
  let nanos = 0;
  for (const amount of amounts) nanos += toNanos(amount);
  return fromNanos(nanos);
}

/** "$0.000123" style: micro-dollar precision for reports. */
export function formatUsd(usd: number, decimals = 6): string {
  return `$${usd.toFixed(decimals)}`;
}
