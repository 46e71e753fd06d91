import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { NewLead } from '../../src/main/core/leads/repo';
import { phone } from './cadence/helpers';

// The built CLI (npm run build), as a user runs it.
const BIN = resolve(import.meta.dirname, '..', '..', 'bin', 'dialdeck.mjs');

/** One CLI run: its exit status, stdout parsed as JSON (null when empty) and stderr. */
export type Run = { status: number | null; json: unknown; stderr: string };

/** Runs `dialdeck --data-dir DIR --json ARGS…` synchronously, in Chicago time (a zone no lead is in). */
export const dialdeck = (dataDir: string, ...args: string[]): Run => {
  const result = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, '--json', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'America/Chicago' },
  });
  const out = result.stdout.trim();
  return { status: result.status, json: out ? JSON.parse(out) : null, stderr: result.stderr };
};

/** The `{error}` object a failed `--json` run printed last on stderr. */
export const errorOf = (run: Run) =>
  (JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '{}') as { error: { code: string; message: string } })
    .error;

/** A new outbound lead in New York with one number. */
export const outboundLead = (name: string, e164: string, extra: Partial<NewLead> = {}): NewLead => ({
  name,
  title: null,
  company: null,
  email: null,
  phones: phone(e164),
  timeZone: 'America/New_York',
  country: null,
  region: null,
  city: null,
  sourceChannel: 'outbound_list',
  sourceDetail: null,
  direction: 'outbound',
  status: 'new',
  ...extra,
});
