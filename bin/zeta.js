#!/usr/bin/env node
// The `zeta` CLI. It runs on Lambda's Node.js (24): when started by an older
// node, it re-runs itself with the Node 24 binary the project installs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const projectNode = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(projectNode)) {
    console.error(`zeta needs Node.js 24 or newer (this is ${process.version}); run npm install first.`);
    process.exit(1);
  }
  const result = spawnSync(projectNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

await import('./yamlModules.mjs');
const { register } = await import('tsx/esm/api');
register();
await import('./zeta.ts');
