// Running the commands setup needs, the same way on Linux, macOS and Windows.
import { spawnSync } from 'node:child_process';
import { root } from './electron-runtime.mjs';

/** `npm` as a command to spawn: Windows needs the .cmd shim run through a shell. */
export const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export const npmSpawnOptions = { shell: process.platform === 'win32' };

/**
 * Runs a command to its end. With `capture` its output is kept (for a log or a one-line reason)
 * instead of shown; `timeout` (ms) stops it.
 */
export const run = (
  command,
  args,
  { capture = false, timeout, env = process.env, cwd = root, shell = false } = {},
) => {
  const result = spawnSync(command, args, {
    cwd,
    env,
    shell,
    timeout,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  return {
    ok: result.status === 0 && !result.error,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`,
    timedOut: result.error?.code === 'ETIMEDOUT',
    error: result.error,
  };
};

export const npm = (args, options = {}) => run(npmCommand, args, { ...options, ...npmSpawnOptions });

const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|network connectivity/i;

/** A one-line reason from a failed run: no network, or the first line of its output that reads like an error. */
export const reasonOf = (result) => {
  if (result.timedOut) return 'it took too long';
  if (result.error) return result.error.message;
  if (NETWORK_FAILURE.test(result.output)) return 'the download server could not be reached';
  const lines = result.output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const errorLine = lines.find((line) => /ERR!|error|fail/i.test(line));
  return (errorLine ?? lines.at(-1) ?? 'no output').slice(0, 160);
};

/** The environment without the given variables (matched case-insensitively, as Windows does). */
export const withoutVars = (env, names) => {
  const drop = new Set(names.map((name) => name.toLowerCase()));
  return Object.fromEntries(Object.entries(env).filter(([key]) => !drop.has(key.toLowerCase())));
};
