import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  removeDirs,
  runCli,
  startServerProcess,
  stopServer,
  tempDir,
} from './server-process';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
  removeDirs();
});

/** A folder as `npm run dist` leaves it, beside a secret that must never be served. */
const feedFolder = () => {
  const parent = tempDir('dialdeck-updates-');
  writeFileSync(join(parent, 'secret.txt'), 'not for the feed');
  const dir = join(parent, 'feed');
  mkdirSync(join(dir, 'old'), { recursive: true });
  writeFileSync(join(dir, 'latest.yml'), 'version: 1.2.0\npath: Dialdeck-Setup-1.2.0.exe\n');
  writeFileSync(join(dir, 'latest-linux.yml'), 'version: 1.2.0\npath: Dialdeck-1.2.0.AppImage\n');
  writeFileSync(join(dir, 'Dialdeck Setup 1.2.0.exe'), Buffer.from([0x4d, 0x5a, 0, 1, 2, 3, 255]));
  writeFileSync(join(dir, '.env'), 'TOKEN=x');
  writeFileSync(join(dir, 'old', 'latest.yml'), 'version: 1.0.0\n');
  symlinkSync(join(parent, 'secret.txt'), join(dir, 'linked.yml'));
  return dir;
};

const get = async (url: string, path: string) => {
  const response = await fetch(`${url}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), response };
};

describe.skipIf(adminUrl === null)('server start --updates-dir', { timeout: 240_000 }, () => {
  it('serves the feed’s files read-only, and nothing else: no listing, no folders, no way out', async () => {
    const databaseUrl = await freshDatabase(adminUrl ?? '');
    const dir = feedFolder();
    for (const [args, env] of [
      [['--updates-dir', dir], {}],
      [[], { DIALDECK_UPDATES_DIR: dir }],
    ] as const) {
      const server = await startServerProcess(['--database-url', databaseUrl, ...args], env);
      try {
        const yml = await get(server.url, '/updates/latest.yml');
        expect(yml.status).toBe(200);
        expect(yml.type).toMatch(/^text\/yaml/);
        expect(yml.response.headers.get('cache-control')).toBe('no-cache');
        expect(await yml.response.text()).toContain('version: 1.2.0');
        expect((await get(server.url, '/updates/latest-linux.yml')).status).toBe(200);
        const installer = await get(server.url, '/updates/Dialdeck%20Setup%201.2.0.exe');
        expect(installer.status).toBe(200);
        expect(installer.type).toBe('application/octet-stream');
        expect([...new Uint8Array(await installer.response.arrayBuffer())]).toEqual([
          0x4d, 0x5a, 0, 1, 2, 3, 255,
        ]);
        for (const path of [
          '/updates',
          '/updates/',
          '/updates/..%2Fsecret.txt',
          '/updates/%2E%2E%2Fsecret.txt',
          '/updates/old%2Flatest.yml',
          '/updates/old/latest.yml',
          '/updates/old',
          '/updates/.env',
          '/updates/linked.yml',
          '/updates/missing.yml',
        ]) {
          const answer = await get(server.url, path);
          expect(answer.status, path).toBe(404);
          expect(await answer.response.text(), path).not.toContain('not for the feed');
        }
        // Read-only: nothing is written through the feed.
        const put = await fetch(`${server.url}/updates/latest.yml`, { method: 'PUT', body: 'x' });
        expect(put.status).not.toBe(200);
      } finally {
        await stopServer(server);
      }
    }
  });

  it('without a folder, says how to host the feed', async () => {
    const databaseUrl = await freshDatabase(adminUrl ?? '');
    const server = await startServerProcess(['--database-url', databaseUrl], { DIALDECK_UPDATES_DIR: '' });
    try {
      const answer = await get(server.url, '/updates/latest.yml');
      expect(answer.status).toBe(404);
      const body = (await answer.response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('not_found');
      expect(body.error.message).toContain('--updates-dir');
    } finally {
      await stopServer(server);
    }
  });
});

describe.skipIf(adminUrl === null)('the update feed’s byte ranges', { timeout: 240_000 }, () => {
  it('answers one byte range with 206 and its Content-Range, and 416 past the end', async () => {
    const databaseUrl = await freshDatabase(adminUrl ?? '');
    const dir = feedFolder();
    const server = await startServerProcess(['--database-url', databaseUrl, '--updates-dir', dir]);
    const file = `${server.url}/updates/Dialdeck%20Setup%201.2.0.exe`;
    const ranged = (range: string) => fetch(file, { headers: { range } });
    try {
      const whole = await fetch(file);
      expect(whole.status).toBe(200);
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      await whole.arrayBuffer();
      const middle = await ranged('bytes=2-4');
      expect(middle.status).toBe(206);
      expect(middle.headers.get('content-range')).toBe('bytes 2-4/7');
      expect(middle.headers.get('content-length')).toBe('3');
      expect([...new Uint8Array(await middle.arrayBuffer())]).toEqual([0, 1, 2]);
      // A resumed download: from a byte to the end.
      const rest = await ranged('bytes=5-');
      expect(rest.status).toBe(206);
      expect(rest.headers.get('content-range')).toBe('bytes 5-6/7');
      expect([...new Uint8Array(await rest.arrayBuffer())]).toEqual([3, 255]);
      const suffix = await ranged('bytes=-2');
      expect(suffix.headers.get('content-range')).toBe('bytes 5-6/7');
      expect([...new Uint8Array(await suffix.arrayBuffer())]).toEqual([3, 255]);
      // A last byte past the end is cut to the file's end.
      const long = await ranged('bytes=4-100');
      expect(long.headers.get('content-range')).toBe('bytes 4-6/7');
      expect([...new Uint8Array(await long.arrayBuffer())]).toEqual([2, 3, 255]);
      const outside = await ranged('bytes=7-9');
      expect(outside.status).toBe(416);
      expect(outside.headers.get('content-range')).toBe('bytes */7');
      expect(await outside.text()).toContain('0-6');
      // Several ranges at once are not supported: the whole file, as RFC 9110 allows.
      const several = await ranged('bytes=0-1,4-5');
      expect(several.status).toBe(200);
      expect((await several.arrayBuffer()).byteLength).toBe(7);
    } finally {
      await stopServer(server);
    }
  });
});

describe('server start --updates-dir that is not a folder', { timeout: 60_000 }, () => {
  it('refuses to start, saying what to give instead (exit 2)', async () => {
    const parent = tempDir('dialdeck-updates-bad-');
    const file = join(parent, 'latest.yml');
    writeFileSync(file, 'version: 1.2.0\n');
    // The check comes before the database is reached: an address nothing listens on is never used.
    const database = ['--database-url', 'postgres://nobody@127.0.0.1:1/none'];
    const missing = await runCli(['server', 'start', ...database, '--updates-dir', join(parent, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    expect(missing.stderr).toContain('[invalid_input]');
    expect(missing.stdout).not.toContain('listening');
    const aFile = await runCli(['--json', 'server', 'start', ...database, '--updates-dir', file]);
    expect(aFile.code).toBe(2);
    const error = JSON.parse(aFile.stderr.trim()) as {
      error: { code: string; message: string; params: { path: string } };
    };
    expect(error.error.code).toBe('invalid_input');
    expect(error.error.message).toContain('is a file, not a folder');
    expect(error.error.params.path).toBe(file);
    const fromEnv = await runCli(['server', 'start', ...database], { DIALDECK_UPDATES_DIR: file });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('is a file, not a folder');
  });
});
