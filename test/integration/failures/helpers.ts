import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openCore } from '../../../src/main/core';
import { storeFile } from '../../../src/main/core/paths';
import { en } from '../../../src/renderer/src/i18n/resources/en';
import { ko } from '../../../src/renderer/src/i18n/resources/ko';
import { zhCN } from '../../../src/renderer/src/i18n/resources/zh-CN';
import { ADA } from '../../fixtures/leads';
import { finished } from '../imports/helpers';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'src/main/cli/index.ts');

export const isRoot = process.getuid?.() === 0;
/** setpriv runs a command as another user; root passes every permission check, so those tests need it. */
export const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
export const NOBODY = 65534;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A temp dir removed after the test; 0755 so another user can reach what is inside. */
export const tempDir = (label: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `dialdeck-${label}-`));
  chmodSync(dir, 0o755);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** Runs `fn` after the test, before its temp dirs go (e.g. an unmount). */
export const later = (fn: () => void): void => {
  cleanups.push(fn);
};

/** Mounts a tmpfs of `size` (e.g. "1m") on `dir` until the end of the test. Needs root. */
export const mountTmpfs = (dir: string, size: string): void => {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
  later(() => {
    spawnSync('umount', ['-l', dir]);
  });
};

export const remount = (dir: string, mode: 'ro' | 'rw'): void => {
  const done = spawnSync('mount', ['-o', `remount,${mode}`, dir]);
  if (done.status !== 0) throw new Error(`remount failed: ${done.stderr}`);
};

/** A store in `dataDir` with one lead on its cadence; returns the lead's id. */
export const seedStore = (dataDir: string): string => {
  const core = openCore({ dataDir });
  const id = core.leads.create(ADA).id;
  core.dialing.enrollNewLeads([id]);
  core.close();
  return id;
};

export type StoreState = { integrity: string; leads: number; activities: number; outbox: number };

/** What the store holds, read with a plain connection (no migration, no repair). */
export const storeState = (dataDir: string): StoreState => {
  const db = new Database(storeFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      leads: count('leads'),
      activities: count('activities'),
      outbox: count('outbox'),
    };
  } finally {
    db.close();
  }
};

export type CliFailure = { code: string; message: string; params?: Record<string, string | number> };
export type CliRun = { status: number | null; stdout: string; stderr: string };

/** Runs the real CLI from source with --json, as root or (with `uid`) as another user. */
export const dialdeck = (
  dataDir: string,
  args: string[],
  options: { uid?: number } = {},
): Promise<CliRun> => {
  const node = [process.execPath, '--import', 'tsx', CLI, '--data-dir', dataDir, '--json', ...args];
  const [command, ...rest] =
    options.uid === undefined
      ? node
      : ['setpriv', `--reuid=${options.uid}`, `--regid=${options.uid}`, '--clear-groups', ...node];
  const child = spawn(command as string, rest, { cwd: ROOT, env: { ...process.env, HOME: tmpdir() } });
  return finished(child).then(({ code, stdout, stderr }) => ({ status: code, stdout, stderr }));
};

/** The one JSON object a failed --json command leaves on stderr; throws if stderr holds anything else. */
export const failureOf = (run: CliRun): CliFailure => {
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  if (lines.length !== 1) throw new Error(`stderr is not one line:\n${run.stderr}`);
  const parsed = JSON.parse(lines[0] as string) as { error: CliFailure };
  if (Object.keys(parsed).join() !== 'error') throw new Error(`unexpected stderr: ${run.stderr}`);
  return parsed.error;
};

const resources = { en, 'zh-CN': zhCN, ko } as const;

/** The interface's message for a failure in each language, filled from its params as i18next does. */
export const translations = (failure: CliFailure): string[] =>
  Object.values(resources).map((language) => {
    const template = (language.errors.codes as Record<string, string>)[failure.code];
    if (template === undefined) throw new Error(`no message for ${failure.code}`);
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      String(failure.params?.[name] ?? `{{${name}}}`),
    );
  });

export const bytesOf = (file: string): Buffer => readFileSync(file);
