#!/usr/bin/env node
// The `dialdeck` command: runs the built CLI (npm run build makes out/main/cli.js).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Node prints warnings on stderr, which --json keeps for the one failure report: hold them for the
// CLI, which writes them to its log (src/main/cli/quiet.ts takes them over).
globalThis.dialdeckHeldWarnings = [];
process.removeAllListeners('warning');
process.on('warning', (warning) => globalThis.dialdeckHeldWarnings.push(warning));

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  const message = 'The app is not built yet. Run `npm run build` in the Dialdeck folder first.';
  // With --json, stderr is one JSON object for every failure, this one included.
  process.stderr.write(
    process.argv.includes('--json')
      ? `${JSON.stringify({ error: { code: 'not_built', message } })}\n`
      : `dialdeck: ${message}\n`,
  );
  process.exit(1);
}
await import(pathToFileURL(cli).href);
