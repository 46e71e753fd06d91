#!/usr/bin/env node
// `npm test`: type-check, lint and build side by side, then every vitest suite (unit, then integration
// and end-to-end; see vitest.config.ts).
// The end-to-end suite drives Debian's Chromium; where it is missing and apt-get can run, it is installed.
import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Chromium for the end-to-end tests (apt-get install chromium)…');
    execSync('apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(
      `The end-to-end tests need Chromium at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
}

// Type-checking, linting and building read the same sources and write nothing the others read, so they
// run side by side (on a 2-core CI machine tsc, biome and the bundler overlap well); each one's output is
// printed whole once all have ended, in this order. The tests need the build, so they come after.
const checks = [
  ['typecheck', ['run', '--silent', 'typecheck']],
  ['lint', ['run', '--silent', 'lint']],
  ['build', ['run', '--silent', 'build']],
];
const outcomes = await Promise.all(
  checks.map(
    ([name, args]) =>
      new Promise((done) => {
        const started = Date.now();
        const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.setEncoding('utf8').on('data', (chunk) => {
          output += chunk;
        });
        child.stderr.setEncoding('utf8').on('data', (chunk) => {
          output += chunk;
        });
        child.once('error', (error) =>
          done({ name, status: 1, output: `${output}${error.message}\n`, ms: 0 }),
        );
        child.once('close', (status) =>
          done({ name, status: status ?? 1, output, ms: Date.now() - started }),
        );
      }),
  ),
);
for (const { name, status, output, ms } of outcomes) {
  process.stdout.write(
    `▸ npm run ${name}: ${status === 0 ? 'ok' : `failed (exit ${status})`} in ${(ms / 1000).toFixed(1)} s\n`,
  );
  if (output.trim() !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}
const failed = outcomes.find((outcome) => outcome.status !== 0);
if (failed) process.exit(failed.status);

const tests = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(tests.status ?? 1);
