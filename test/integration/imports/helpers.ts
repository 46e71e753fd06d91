import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ImportOptions, ImportPreview, ImportSummary } from '@shared/api/imports';
import type { Lead } from '@shared/domain/lead';
import { type Core, openCore } from '../../../src/main/core';
import { dispatch } from '../../../src/main/core/dispatch';
import type { Db } from '../../../src/main/core/store/db';
import { checkOutbox } from '../sync/outbox-check';

export const tempDir = (label: string): string => mkdtempSync(join(tmpdir(), `dialdeck-${label}-`));

/** A core on a fresh store in a temp dir; `done` closes it and removes the dir. */
export const freshCore = (): { core: Core; dir: string; done: () => void } => {
  const dir = tempDir('imports');
  const core = openCore({ dataDir: dir });
  return {
    core,
    dir,
    done: () => {
      const problems = core.db.open ? checkOutbox(core.db).failures : [];
      core.close();
      rmSync(dir, { recursive: true, force: true });
      if (problems.length > 0) throw new Error(`Outbox rows off the wire format:\n${problems.join('\n')}`);
    },
  };
};

export type Failure = { code: string; message: string };

/** Calls a method as the renderer does and returns its value, or throws its error shape. */
export const call = async <T>(core: Core, method: string, input: unknown): Promise<T> => {
  const result = await dispatch(core.handlers, method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
};

export const preview = (
  core: Core,
  file: string | Buffer,
  options: Partial<ImportOptions> = {},
  fileName = 'leads.csv',
) =>
  call<ImportPreview>(core, 'imports.preview', {
    fileName,
    dataBase64: (typeof file === 'string' ? Buffer.from(file, 'utf8') : file).toString('base64'),
    options,
  });

/** Previews and imports a file, as the import wizard does. */
export const importFile = async (
  core: Core,
  file: string | Buffer,
  options: Partial<ImportOptions> = {},
): Promise<ImportSummary> => {
  const { token } = await preview(core, file, { encoding: options.encoding, delimiter: options.delimiter });
  return call<ImportSummary>(core, 'imports.run', { token, options });
};

/** Row counts of every table an import writes. */
export const counts = (db: Db) => {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    leads: count('SELECT count(*) AS n FROM leads'),
    phones: count('SELECT count(*) AS n FROM lead_phones'),
    accounts: count('SELECT count(*) AS n FROM accounts'),
    research: count('SELECT count(*) AS n FROM research'),
    imports: count('SELECT count(*) AS n FROM imports'),
    outbox: count('SELECT count(*) AS n FROM outbox'),
    enrollments: count('SELECT count(*) AS n FROM enrollments'),
    openTasks: count("SELECT count(*) AS n FROM tasks WHERE state = 'open'"),
  };
};

export const outboxCount = (db: Db, name: string): number =>
  (db.prepare('SELECT count(*) AS n FROM outbox WHERE name = ?').get(name) as { n: number }).n;

export const leadsOf = (core: Core) => call<Lead[]>(core, 'leads.listFull', {});

/** Unique, valid rows: US numbers in the 212 area with distinct line numbers. */
export const simpleCsv = (rows: number, header = 'Name,Company,Phone,Email,State'): string => {
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const line = String(i % 10_000).padStart(4, '0');
    const exchange = 200 + Math.floor(i / 10_000);
    lines.push(`Lead ${i},Company ${i % 97},(212) ${exchange}-${line},lead${i}@example.com,NY`);
  }
  return `${lines.join('\r\n')}\r\n`;
};

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'src/main/cli/index.ts');

/** Starts the real CLI from source, as the `dialdeck` command runs it. */
export const spawnCli = (args: string[]): ChildProcessWithoutNullStreams =>
  spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT });

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Waits for a started CLI process and collects what it printed. */
export const finished = (child: ChildProcessWithoutNullStreams): Promise<CliRun> =>
  new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });

export const dialdeck = (args: string[]): Promise<CliRun> => finished(spawnCli(args));
