/** `-c key=value` pairs, as the CDK CLI takes them. */
export function parseContext(pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const separator = pair.indexOf('=');
      if (separator <= 0) throw new Error(`-c expects key=value, got "${pair}"`);
      return [pair.slice(0, separator), pair.slice(separator + 1)];
    }),
  );
}
