import type { Metafile } from 'esbuild';

/** Bytes in the bundle (all its modules) per npm package (or project folder), largest first. */
export function bytesByPackage(metafile: Metafile): Array<[string, number]> {
  const totals = new Map<string, number>();
  const inputs = Object.entries(metafile.outputs)
    .filter(([file]) => file.endsWith('.mjs'))
    .flatMap(([, output]) => Object.entries(output.inputs));
  for (const [path, input] of inputs) {
    const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = inPackage ? inPackage[1]! : path.split('/').slice(0, 2).join('/');
    totals.set(key, (totals.get(key) ?? 0) + input.bytesInOutput);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}
