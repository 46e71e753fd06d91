// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints one JSON
// document with each bench's figures. Each bench module exports `run(): Promise<Record<string, unknown>>`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type BenchModule = { run: () => Promise<Record<string, unknown>> };

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

const results: Record<string, unknown> = {};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stderr.write(`bench: ${name}…\n`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  results[name] = await mod.run();
}
process.stdout.write(
  `${JSON.stringify({ node: process.version, platform: `${process.platform}-${process.arch}`, at: new Date().toISOString(), results }, null, 2)}\n`,
);
