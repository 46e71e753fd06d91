import { chmodSync, existsSync, mkdirSync, readdirSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
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

/** The failure is `code`, names `path` in its message and in every language, and stderr is one object. */
const expectFile = (failure: CliFailure, code: string, path: string) => {
  expect(failure.code).toBe(code);
  expect(failure.params?.path).toBe(path);
  expect(failure.message).toContain(path);
  for (const text of translations(failure)) expect(text).toContain(path);
};

const CSV = 'Name,Phone\nAda Park,+12025550143\n';

// Each test runs the real CLI several times, a few seconds each.
describe('a file the user names that cannot be read or written has its own code', {
  timeout: 120_000,
}, () => {
  it('import: a missing file is file_not_found, a folder is file_is_directory; the store is untouched', async () => {
    const dataDir = tempDir('file-in');
    seedStore(dataDir);
    const before = storeState(dataDir);
    const missing = join(dataDir, 'no-such.csv');
    const run = await dialdeck(dataDir, ['import', missing]);
    expect(run.status).toBe(1);
    expectFile(failureOf(run), 'file_not_found', missing);

    const folder = tempDir('file-in-dir');
    const asFolder = await dialdeck(dataDir, ['import', folder]);
    expect(asFolder.status).toBe(1);
    expectFile(failureOf(asFolder), 'file_is_directory', folder);

    const cadence = await dialdeck(dataDir, ['cadence', 'import', missing]);
    expectFile(failureOf(cadence), 'file_not_found', missing);
    expect(storeState(dataDir)).toEqual(before);
  });

  it.skipIf(!(isRoot && hasSetpriv))(
    'import: a file the user may not read is file_permission_denied',
    async () => {
      const dataDir = tempDir('file-perm');
      chmodSync(dataDir, 0o777);
      const file = join(tempDir('file-perm-csv'), 'leads.csv');
      writeFileSync(file, CSV);
      chmodSync(file, 0o600);
      const run = await dialdeck(dataDir, ['import', file], { uid: NOBODY });
      expect(run.status).toBe(1);
      expectFile(failureOf(run), 'file_permission_denied', file);
    },
  );

  it('export: a missing folder, a folder as target, a file as folder: each named, nothing written', async () => {
    const dataDir = tempDir('file-out');
    seedStore(dataDir);
    const target = tempDir('file-out-target');

    const inMissing = join(target, 'missing', 'leads.csv');
    const missing = await dialdeck(dataDir, ['export', inMissing]);
    expect(missing.status).toBe(1);
    expectFile(failureOf(missing), 'file_folder_not_found', join(target, 'missing'));

    const asFolder = await dialdeck(dataDir, ['export', target]);
    expectFile(failureOf(asFolder), 'file_is_directory', target);

    writeFileSync(join(target, 'plain'), 'x');
    const underFile = await dialdeck(dataDir, ['export', join(target, 'plain', 'leads.csv')]);
    expectFile(failureOf(underFile), 'file_folder_not_found', join(target, 'plain'));

    const cadence = await dialdeck(dataDir, ['cadence', 'export', inMissing]);
    expectFile(failureOf(cadence), 'file_folder_not_found', join(target, 'missing'));
    expect(readdirSync(target)).toEqual(['plain']);
  });

  it.skipIf(!isRoot)(
    'export: a read-only disk is file_read_only, a full one file_disk_full, no partial file',
    async () => {
      const dataDir = tempDir('file-out-ro');
      seedStore(dataDir);
      const target = tempDir('file-out-ro-target');
      mountTmpfs(target, '64k');
      writeFileSync(join(target, 'kept.csv'), 'old');
      remount(target, 'ro');
      later(() => remount(target, 'rw'));
      const file = join(target, 'leads.csv');
      const readOnly = await dialdeck(dataDir, ['export', file]);
      expect(readOnly.status).toBe(1);
      expectFile(failureOf(readOnly), 'file_read_only', file);
      remount(target, 'rw');

      const { bavail, bsize } = statfsSync(target);
      writeFileSync(join(target, 'ballast'), Buffer.alloc(bavail * bsize));
      const full = await dialdeck(dataDir, ['export', file]);
      expect(full.status).toBe(1);
      expectFile(failureOf(full), 'file_disk_full', file);
      expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);
    },
  );

  it.skipIf(!(isRoot && hasSetpriv))(
    'export: a read-only file is file_read_only and keeps its bytes; a folder the user may not write too',
    async () => {
      const dataDir = tempDir('file-out-rofile');
      seedStore(dataDir);
      chmodSync(dataDir, 0o777);
      const target = tempDir('file-out-rofile-target');
      chmodSync(target, 0o777);
      const file = join(target, 'leads.csv');
      writeFileSync(file, 'kept');
      chmodSync(file, 0o444);
      const run = await dialdeck(dataDir, ['export', file], { uid: NOBODY });
      expect(run.status).toBe(1);
      expectFile(failureOf(run), 'file_read_only', file);

      const closed = join(target, 'closed');
      mkdirSync(closed, { mode: 0o555 });
      chmodSync(closed, 0o555);
      const inClosed = join(closed, 'leads.csv');
      const denied = await dialdeck(dataDir, ['export', inClosed], { uid: NOBODY });
      expectFile(failureOf(denied), 'file_read_only', inClosed);
      expect(readdirSync(target).sort()).toEqual(['closed', 'leads.csv']);
    },
  );

  it('a data dir that is a file: data_dir_not_directory, for every command and for serve', async () => {
    const parent = tempDir('file-datadir');
    const dataDir = join(parent, 'data');
    writeFileSync(dataDir, 'not a folder');
    for (const args of [['leads'], ['queue'], ['serve', '--port', '0']]) {
      const run = await dialdeck(dataDir, args);
      expect(run.status, args.join(' ')).toBe(1);
      expectFile(failureOf(run), 'data_dir_not_directory', dataDir);
    }
    const below = await dialdeck(join(dataDir, 'inner'), ['leads']);
    expectFile(failureOf(below), 'data_dir_not_directory', dataDir);
  });
});
