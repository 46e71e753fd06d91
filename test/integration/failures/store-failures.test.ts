import { spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { logFile } from '../../../src/main/core/logs';
import { storeFile } from '../../../src/main/core/paths';
import {
  bytesOf,
  type CliFailure,
  dialdeck,
  failureOf,
  hasSetpriv,
  isRoot,
  later,
  mountTmpfs,
  NOBODY,
  remount,
  seedStore,
  storeState,
  tempDir,
  translations,
} from './helpers';

/** The failure names `path` in the core's message and in the message of every language. */
const expectNamed = (failure: CliFailure, code: string, path: string) => {
  expect(failure.code).toBe(code);
  expect(failure.params?.path).toBe(path);
  expect(failure.message).toContain(path);
  for (const text of translations(failure)) expect(text).toContain(path);
};

/** A CSV of `rows` distinct leads, about 70 bytes a row. */
const csvOf = (rows: number): string =>
  [
    'Name,Company,Phone,Email',
    ...Array.from({ length: rows }, (_, i) => {
      const line = String(i % 10_000).padStart(4, '0');
      return `Lead ${i},Company ${i % 97},(212) ${200 + Math.floor(i / 10_000)}-${line},lead${i}@example.com`;
    }),
  ].join('\n');

describe('storage failures reach the user as codes that name the path', () => {
  it.skipIf(!isRoot)(
    'disk full during an import: store_disk_full, and the store keeps what it had',
    async () => {
      const dataDir = tempDir('full');
      mountTmpfs(dataDir, '4m');
      const leadId = seedStore(dataDir);
      const before = storeState(dataDir);
      // Ballast leaves the store about 256 KB to grow into; a 2 MB file of leads will not fit.
      const ballast = join(dataDir, 'ballast');
      const { bavail, bsize } = statfsSync(dataDir);
      writeFileSync(ballast, Buffer.alloc(Math.max(0, bavail * bsize - 256 * 1024)));
      const csv = join(tempDir('full-csv'), 'leads.csv');
      writeFileSync(csv, csvOf(30_000));

      const run = await dialdeck(dataDir, ['import', csv]);
      expect(run.status).toBe(1);
      expectNamed(failureOf(run), 'store_disk_full', storeFile(dataDir));

      // A small write on the disk that is full now: the same, and nothing of it lands.
      writeFileSync(join(dataDir, 'ballast-2'), Buffer.alloc(statfsSync(dataDir).bavail * bsize));
      const logged = await dialdeck(dataDir, ['log', leadId, 'no_answer']);
      expect(logged.status).toBe(1);
      expectNamed(failureOf(logged), 'store_disk_full', storeFile(dataDir));

      // With room again, the store shows exactly the leads it had, and nothing else changed.
      rmSync(ballast);
      rmSync(join(dataDir, 'ballast-2'));
      const leads = await dialdeck(dataDir, ['leads']);
      expect(leads.stderr).toBe('');
      expect((JSON.parse(leads.stdout) as { id: string }[]).map((lead) => lead.id)).toEqual([leadId]);
      expect(storeState(dataDir)).toEqual(before);
      expect(before.integrity).toBe('ok');
    },
  );

  it.skipIf(!isRoot)(
    'an export to a full disk: file_disk_full naming the file, no partial file',
    async () => {
      const dataDir = tempDir('export');
      seedStore(dataDir);
      const target = tempDir('export-full');
      mountTmpfs(target, '64k');
      const { bavail, bsize } = statfsSync(target);
      writeFileSync(join(target, 'ballast'), Buffer.alloc(bavail * bsize));

      const file = join(target, 'leads.csv');
      const run = await dialdeck(dataDir, ['export', file]);
      expect(run.status).toBe(1);
      expectNamed(failureOf(run), 'file_disk_full', file);
      expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);
    },
  );

  it.skipIf(!isRoot)(
    'disk full before a store exists: store_disk_full, and no empty store left',
    async () => {
      const dataDir = tempDir('full-new');
      mountTmpfs(dataDir, '1m');
      const { bavail, bsize } = statfsSync(dataDir);
      writeFileSync(join(dataDir, 'ballast'), Buffer.alloc(bavail * bsize));

      const run = await dialdeck(dataDir, ['leads']);
      expect(run.status).toBe(1);
      expectNamed(failureOf(run), 'store_disk_full', storeFile(dataDir));
      // Had an empty file been left, the next start would take it for a store whose data was lost.
      rmSync(join(dataDir, 'ballast'));
      const retried = await dialdeck(dataDir, ['leads']);
      expect(retried.stderr).toBe('');
      expect(JSON.parse(retried.stdout)).toEqual([]);
    },
  );

  it.skipIf(!isRoot)(
    'read-only disk: leads still readable, a write is store_read_only, nothing changed',
    async () => {
      const dataDir = tempDir('ro');
      mountTmpfs(dataDir, '8m');
      const leadId = seedStore(dataDir);
      const before = storeState(dataDir);
      const bytes = bytesOf(storeFile(dataDir));
      remount(dataDir, 'ro');
      later(() => remount(dataDir, 'rw'));

      const read = await dialdeck(dataDir, ['leads']);
      expect(read.stderr).toBe('');
      expect((JSON.parse(read.stdout) as { id: string }[]).map((lead) => lead.id)).toEqual([leadId]);

      const write = await dialdeck(dataDir, ['log', leadId, 'no_answer']);
      expect(write.status).toBe(1);
      expectNamed(failureOf(write), 'store_read_only', storeFile(dataDir));
      expect(bytesOf(storeFile(dataDir)).equals(bytes)).toBe(true);
      remount(dataDir, 'rw');
      expect(storeState(dataDir)).toEqual(before);
    },
  );

  it.skipIf(!isRoot)(
    'read-only disk with an import a killed process left behind: the leads are still readable',
    async () => {
      const dataDir = tempDir('ro-batch');
      mountTmpfs(dataDir, '8m');
      const leadId = seedStore(dataDir);
      // What a CLI import killed mid-way leaves: a batch still `writing`, its process gone.
      const core = openCore({ dataDir });
      core.db
        .prepare(
          `INSERT INTO import_batches (id, state, file_name, pid, host, outbox_seq, started_at)
         VALUES ('01a20000-0000-7000-8000-000000000000', 'writing', 'leads.csv', 2147483646, ?, 0, 0)`,
        )
        .run(hostname());
      core.close();
      const before = storeState(dataDir);
      remount(dataDir, 'ro');
      later(() => remount(dataDir, 'rw'));

      const read = await dialdeck(dataDir, ['leads']);
      expect(read.stderr).toBe('');
      expect((JSON.parse(read.stdout) as { id: string }[]).map((lead) => lead.id)).toEqual([leadId]);
      remount(dataDir, 'rw');
      expect(storeState(dataDir)).toEqual(before);
      // Writable again, the next open removes the batch.
      expect((await dialdeck(dataDir, ['leads'])).status).toBe(0);
      const after = new Database(storeFile(dataDir), { readonly: true });
      expect(after.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
      after.close();
    },
  );

  it.skipIf(!(isRoot && hasSetpriv))(
    'a folder the user may read but not write: store_read_only',
    async () => {
      const dataDir = tempDir('ro-dir');
      const leadId = seedStore(dataDir);
      const before = storeState(dataDir);
      chmodSync(storeFile(dataDir), 0o644);
      chmodSync(dataDir, 0o555);

      const run = await dialdeck(dataDir, ['log', leadId, 'no_answer'], { uid: NOBODY });
      expect(run.status).toBe(1);
      const failure = failureOf(run);
      expect(failure.code).toBe('store_read_only');
      expect([dataDir, storeFile(dataDir)]).toContain(failure.params?.path);
      for (const text of translations(failure)) expect(text).toContain(String(failure.params?.path));
      expect(storeState(dataDir)).toEqual(before);
    },
  );

  it.skipIf(!(isRoot && hasSetpriv))('a folder the user may not open: store_permission_denied', async () => {
    const parent = tempDir('perm');
    const dataDir = join(parent, 'data');
    mkdirSync(dataDir);
    seedStore(dataDir);
    const before = storeState(dataDir);
    chmodSync(dataDir, 0o000);

    const run = await dialdeck(dataDir, ['leads'], { uid: NOBODY });
    expect(run.status).toBe(1);
    expectNamed(failureOf(run), 'store_permission_denied', dataDir);

    // The folder open to everyone, the store file to its owner only.
    chmodSync(dataDir, 0o777);
    chmodSync(storeFile(dataDir), 0o600);
    const file = await dialdeck(dataDir, ['leads'], { uid: NOBODY });
    expect(file.status).toBe(1);
    expectNamed(failureOf(file), 'store_permission_denied', storeFile(dataDir));
    expect(storeState(dataDir)).toEqual(before);
  });

  it('a damaged file: store_corrupt, and not a byte of it rewritten', async () => {
    const dataDir = tempDir('corrupt');
    seedStore(dataDir);
    const file = storeFile(dataDir);
    const pageSize = 4096;
    const fd = openSync(file, 'r+');
    // Every page after the header page: the schema and the data are gone, the header says SQLite.
    for (let offset = pageSize; offset < statSync(file).size; offset += pageSize) {
      writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, offset);
    }
    closeSync(fd);
    const bytes = bytesOf(file);

    const run = await dialdeck(dataDir, ['leads']);
    expect(run.status).toBe(1);
    expectNamed(failureOf(run), 'store_corrupt', file);
    expect(bytesOf(file).equals(bytes)).toBe(true);
  });

  it('a file that is not a database: store_not_a_database, left as it was', async () => {
    const dataDir = tempDir('notadb');
    const file = storeFile(dataDir);
    writeFileSync(file, 'Name,Phone\nAda,+12025550143\n'.repeat(100));
    const bytes = bytesOf(file);

    const run = await dialdeck(dataDir, ['leads']);
    expect(run.status).toBe(1);
    expectNamed(failureOf(run), 'store_not_a_database', file);
    expect(bytesOf(file).equals(bytes)).toBe(true);
  });

  it('an emptied store file: store_empty_file, never replaced by an empty store', async () => {
    const dataDir = tempDir('empty');
    seedStore(dataDir);
    writeFileSync(storeFile(dataDir), '');

    const run = await dialdeck(dataDir, ['leads']);
    expect(run.status).toBe(1);
    expectNamed(failureOf(run), 'store_empty_file', storeFile(dataDir));
    expect(statSync(storeFile(dataDir)).size).toBe(0);
  });

  it('a store another process holds with BEGIN EXCLUSIVE: store_busy, then the write goes through', async () => {
    const dataDir = tempDir('busy');
    const leadId = seedStore(dataDir);
    const before = storeState(dataDir);
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(process.argv[1]);
         db.exec('BEGIN EXCLUSIVE');
         db.prepare("INSERT INTO settings(key, value) VALUES ('held', '1')").run();
         process.stdout.write('held\\n');
         process.stdin.on('data', () => process.exit(0));`,
        storeFile(dataDir),
      ],
      { cwd: join(import.meta.dirname, '../../..') },
    );
    later(() => holder.kill('SIGKILL'));
    await new Promise<void>((held, fail) => {
      holder.stdout.once('data', () => held());
      holder.once('exit', () => fail(new Error('the lock holder exited')));
    });

    const run = await dialdeck(dataDir, ['log', leadId, 'no_answer']);
    expect(run.status).toBe(1);
    expectNamed(failureOf(run), 'store_busy', storeFile(dataDir));

    holder.kill('SIGKILL');
    await new Promise((exited) => holder.once('exit', exited));
    expect(storeState(dataDir)).toEqual(before);
    const retried = await dialdeck(dataDir, ['log', leadId, 'no_answer']);
    expect(retried.stderr).toBe('');
    expect(retried.status).toBe(0);
    expect(storeState(dataDir).activities).toBe(before.activities + 1);
  });
});

describe('--json failures', () => {
  it('an unexpected error is one JSON object naming the log, and its stack trace is in that log', async () => {
    const dataDir = tempDir('internal');
    seedStore(dataDir);
    // A table an older or hand-edited store lacks: a bug to report, not a storage failure.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(storeFile(dataDir));
    db.exec('DROP TABLE dnc');
    db.close();

    const run = await dialdeck(dataDir, ['dnc', 'list']);
    expect(run.status).toBe(1);
    const failure = failureOf(run);
    expect(failure.code).toBe('internal');
    expect(failure.params?.log).toBe(logFile(dataDir));
    expect(failure.message).toContain(logFile(dataDir));
    for (const text of translations(failure)) expect(text).toContain(logFile(dataDir));
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(logFile(dataDir))).toBe(true);
    expect(readFileSync(logFile(dataDir), 'utf8')).toMatch(/no such table: dnc[\s\S]*\n\s+at /);
  });

  it.skipIf(!existsSync('out/renderer/index.html'))(
    'serving on a port another program holds is a conflict that says what to do',
    async () => {
      const taken = createServer();
      await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
      later(() => taken.close());
      const port = (taken.address() as AddressInfo).port;
      const run = await dialdeck(tempDir('port'), ['serve', '--port', String(port)]);
      expect(run.status).toBe(1);
      const failure = failureOf(run);
      expect(failure.code).toBe('conflict');
      expect(failure.message).toContain(`Port ${port}`);
      expect(failure.message).toContain('--port');
    },
  );

  it.skipIf(!existsSync('out/main/cli.js'))(
    "Node's warnings, while the CLI loads and while it runs, go to the log and never to stderr",
    async () => {
      const dataDir = tempDir('warnings');
      // Warns as soon as the `dialdeck` launcher has started, and again while the command runs.
      const warner = `const started = setInterval(() => {
          if (!globalThis.dialdeckHeldWarnings) return;
          clearInterval(started);
          process.emitWarning('early warning');
          setTimeout(() => process.emitWarning('late warning'), 400);
        }, 0);`;
      const run = await new Promise<{ status: number | null; stderr: string }>((done) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            `data:text/javascript,${encodeURIComponent(warner)}`,
            'bin/dialdeck.mjs',
            '--data-dir',
            dataDir,
            '--json',
            'why',
            'not-a-lead-id',
          ],
          { cwd: join(import.meta.dirname, '../../..') },
        );
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        child.on('close', (status) => done({ status, stderr }));
      });
      expect(run.status).toBe(2);
      expect(failureOf({ ...run, stdout: '' }).code).toBe('invalid_input');
      const log = readFileSync(logFile(dataDir), 'utf8');
      expect(log).toContain('Warning: early warning');
      expect(log).toContain('Warning: late warning');
    },
  );

  it('a usage error is one JSON object with invalid_input and exit 2', async () => {
    const dataDir = tempDir('usage');
    for (const args of [['leads', '--bogus'], ['log'], ['queue', '--limit', '0'], ['nonsense']]) {
      const run = await dialdeck(dataDir, args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(failureOf(run).code).toBe('invalid_input');
    }
  });
});
