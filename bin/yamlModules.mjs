// Lets node (with tsx) import .yaml files as the data they hold, as the Lambda
// bundles do (lib/bundling/dataModules.ts): `import data from './x.yaml'`.
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { parse } from 'yaml';

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.yaml')) return nextLoad(url, context);
    const data = parse(readFileSync(new URL(url), 'utf8'));
    return { format: 'module', source: `export default ${JSON.stringify(data)};`, shortCircuit: true };
  },
});
