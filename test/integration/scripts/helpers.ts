import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api';
import { afterEach } from 'vitest';
import { type Core, openCore } from '../../../src/main/core';
import { dispatch } from '../../../src/main/core/dispatch';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh data folder, removed after the test. */
export const dataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-scripts-'));
  dirs.push(dir);
  return dir;
};

/** Calls a contract method through the same dispatch the hosts use; the error shape on failure. */
export const send = async <M extends MethodName>(core: Core, name: M, input: MethodInput<M>) => {
  const result = await dispatch(core.handlers, name, input);
  return result as
    | { ok: true; value: MethodOutput<M> }
    | { ok: false; error: { code: string; message: string; details?: unknown } };
};

/** Like `send`, but the value, failing the test on an error. */
export const ok = async <M extends MethodName>(core: Core, name: M, input: MethodInput<M>) => {
  const result = await send(core, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

/** A lead in a new store: Jane Doe at Acme, no title. */
export const storeWithLead = (dir: string): { core: Core; leadId: string } => {
  const core = openCore({ dataDir: dir });
  const lead = core.leads.create({
    name: 'Jane Doe',
    title: null,
    company: 'Acme',
    email: 'jane@acme.com',
    phones: [{ e164: '+14155550100', ext: null, label: null, raw: '+1 415 555 0100' }],
    timeZone: 'America/Los_Angeles',
    country: 'US',
    region: null,
    city: null,
    sourceChannel: 'web_form',
    sourceDetail: null,
    direction: 'inbound',
    status: 'new',
  });
  return { core, leadId: lead.id };
};

export type CliRun = {
  status: number | null;
  json: unknown;
  error: { code: string; message: string } | null;
};

/** Runs the built CLI (`npm run build` first) with `--json` on a data folder. */
export const dialdeck = (dir: string, ...args: string[]): CliRun => {
  const run = spawnSync(process.execPath, ['bin/dialdeck.mjs', '--data-dir', dir, '--json', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const out = run.stdout.trim();
  const err = run.stderr.trim().split('\n').at(-1) ?? '';
  return {
    status: run.status,
    json: out ? JSON.parse(out) : null,
    error: err ? (JSON.parse(err) as { error: { code: string; message: string } }).error : null,
  };
};
