import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/server/db/migrate';
import { latestServerSchema, serverMigrations } from '../../../src/server/db/migrations';
import { checkAuthorization } from './authorization';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  removeDirs,
  request,
  runCli,
  startServerProcess,
  stopServer,
  tempDir,
} from './server-process';

// Debian's PostgreSQL, started by .ci/run (locally: apt-get install postgresql, pg_ctlcluster 15 main
// start, then export TEST_DATABASE_URL the way .ci/run does).
const adminUrl = externalDatabase();
if (adminUrl === null) {
  console.warn(
    'Skipping the server tests on an external PostgreSQL: TEST_DATABASE_URL is not set (see .ci/run).',
  );
}

afterAll(async () => {
  await killServers();
  removeDirs();
  await dropDatabases();
});

const lastJsonLine = (text: string): unknown => JSON.parse(text.trim().split('\n').at(-1) ?? 'null');

// Real processes on a machine shared with the rest of the suite: initdb alone can take ~10 s there.
describe.skipIf(adminUrl === null)(
  'dialdeck server start --database-url (an external PostgreSQL)',
  { timeout: 120_000 },
  () => {
    const external = adminUrl ?? '';

    it('migrates on first start and prints the admin token once; the second start prints none', async () => {
      const url = await freshDatabase(external);
      const first = await startServerProcess(['--database-url', url]);
      expect(first.adminToken).toMatch(/^ddk_/);
      expect(first.stdout()).toMatch(/^ready \(database: 127\.0\.0\.1:\d+\/dialdeck_t_/m);
      // The password of the URL never reaches the output or the log.
      expect(first.stdout() + first.stderr()).not.toContain(new URL(url).password);
      expect(await request(first.url, 'GET', '/ready')).toEqual({
        status: 200,
        body: { status: 'ready', schema: latestServerSchema },
      });
      expect(await stopServer(first)).toEqual({ code: 0, signal: null });

      const second = await startServerProcess([], { DATABASE_URL: url });
      expect(second.adminToken).toBeNull();
      expect((await request(second.url, 'GET', '/v1/me', first.adminToken ?? '')).body).toEqual({
        kind: 'admin',
      });
      await stopServer(second);
    });

    it('two server processes starting at once on one database both become ready, with one migration and one admin token', async () => {
      const url = await freshDatabase(external);
      const [a, b] = await Promise.all([
        startServerProcess(['--database-url', url]),
        startServerProcess(['--database-url', url]),
      ]);
      expect([a.adminToken, b.adminToken].filter((t) => t !== null)).toHaveLength(1);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const migrations = await client.query('SELECT version FROM server_migrations ORDER BY version');
      const adminTokens = await client.query("SELECT count(*)::int AS n FROM tokens WHERE kind = 'admin'");
      await client.end();
      expect(migrations.rows).toEqual(serverMigrations.map((m) => ({ version: m.version })));
      expect(adminTokens.rows).toEqual([{ n: 1 }]);
      // Both processes serve the same data.
      const token = a.adminToken ?? b.adminToken ?? '';
      const created = await request(a.url, 'POST', '/v1/teams', token, { name: 'Shared' });
      const teamId = (created.body as { teamId: string }).teamId;
      expect((await request(b.url, 'GET', `/v1/teams/${teamId}/users`, token)).body).toEqual({ users: [] });
      await Promise.all([stopServer(a), stopServer(b)]);
    });

    it('the migration lock makes a second migrator wait, then find the work done', async () => {
      const url = await freshDatabase(external);
      // A slow migration that would fail if run twice: without the lock both would create the table.
      const slow = [
        { version: 1, name: 'slow', sql: 'SELECT pg_sleep(0.5); CREATE TABLE only_once (id int)' },
      ];
      const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
      try {
        const results = await Promise.all(pools.map((pool) => migrate(pool, slow)));
        expect(results.map((applied) => applied.length).sort()).toEqual([0, 1]);
        const { rows } = await (pools[0] as pg.Pool).query('SELECT version, name FROM server_migrations');
        expect(rows).toEqual([{ version: 1, name: 'slow' }]);
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
      }
    });

    it('a migration that fails leaves nothing behind and is retried on the next start', async () => {
      const url = await freshDatabase(external);
      const pool = new pg.Pool({ connectionString: url });
      try {
        const broken = [
          { version: 1, name: 'broken', sql: 'CREATE TABLE half (id int); SELECT no_such_function()' },
        ];
        await expect(migrate(pool, broken)).rejects.toThrow(/no_such_function/);
        const left = await pool.query(
          "SELECT to_regclass('half') AS half, (SELECT count(*)::int FROM server_migrations) AS n",
        );
        expect(left.rows).toEqual([{ half: null, n: 0 }]);
        expect(await migrate(pool)).toEqual(serverMigrations.map((m) => m.version));
      } finally {
        await pool.end();
      }
    });

    it('a port another program holds is a conflict that says what to do, not an internal error', async () => {
      const holder = createServer();
      await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done));
      const address = holder.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      try {
        const run = await runCli([
          'server',
          'start',
          '--json',
          '--database-url',
          await freshDatabase(external),
          '--port',
          String(port),
        ]);
        expect(run.code).not.toBe(0);
        const error = (
          JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '{}') as {
            error: { code: string; message: string };
          }
        ).error;
        expect(error.code).toBe('conflict');
        expect(error.message).toContain(String(port));
        expect(error.message).toContain('--port');
      } finally {
        holder.close();
      }
    });

    it('authorization: teams, roles and tokens', async () => {
      const server = await startServerProcess(['--database-url', await freshDatabase(external)]);
      await checkAuthorization(server.url, server.adminToken ?? '');
      await stopServer(server);
    });

    it('rate-limits the routes that mint tokens, per client address', async () => {
      const server = await startServerProcess(['--database-url', await freshDatabase(external)], {
        DIALDECK_SERVER_TOKEN_ROUTE_LIMIT: '3',
      });
      const token = server.adminToken ?? '';
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await request(server.url, 'POST', '/v1/teams', token, { name: `T${i}` })).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const limited = await request(server.url, 'POST', '/v1/teams', token, { name: 'T5' });
      expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
      // Unauthenticated attempts count too: guessing tokens is throttled like everything else there.
      expect((await request(server.url, 'POST', '/v1/teams', 'ddk_guess', { name: 'T6' })).status).toBe(429);
      // Other routes are not limited.
      expect((await request(server.url, 'GET', '/v1/me', token)).status).toBe(200);
      await stopServer(server);
    });

    it('the admin CLI reports wrong tokens, a stopped server and bad input with codes and exit status', async () => {
      const server = await startServerProcess(['--database-url', await freshDatabase(external)]);
      const token = server.adminToken ?? '';
      const target = ['--server', server.url, '--json'];

      const wrong = await runCli(['admin', 'team', 'create', 'X', '--token', 'ddk_wrong', ...target]);
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toBe('');
      expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
      expect(lastJsonLine(wrong.stderr)).toMatchObject({ error: { code: 'unauthorized' } });

      const team = await runCli(['admin', 'team', 'create', 'X', '--token', token, ...target]);
      const { teamId } = JSON.parse(team.stdout) as { teamId: string };
      const repAdd = ['admin', 'user', 'add', '--team', teamId, '--role', 'rep', ...target];
      const rep = await runCli([...repAdd, '--email', 'rep@x.example', '--token', token]);
      const repToken = (JSON.parse(rep.stdout) as { token: string }).token;
      const asRep = await runCli(['admin', 'team', 'create', 'Y', '--token', repToken, ...target]);
      expect(asRep.code).toBe(1);
      expect(lastJsonLine(asRep.stderr)).toMatchObject({ error: { code: 'forbidden' } });

      const twice = await runCli([...repAdd, '--email', 'REP@x.example', '--token', token]);
      expect(twice.code).toBe(1);
      expect(lastJsonLine(twice.stderr)).toMatchObject({ error: { code: 'user_email_taken' } });

      const badEmail = await runCli([...repAdd, '--email', 'not-an-email', '--token', token]);
      expect(badEmail.code).toBe(2);
      expect(lastJsonLine(badEmail.stderr)).toMatchObject({ error: { code: 'invalid_input' } });

      const noToken = await runCli(['admin', 'team', 'create', 'Z', ...target], {
        DIALDECK_SERVER_TOKEN: '',
      });
      expect(noToken.code).toBe(2);
      expect(lastJsonLine(noToken.stderr)).toMatchObject({ error: { code: 'invalid_input' } });

      await stopServer(server);
      const down = await runCli(['admin', 'team', 'create', 'X', '--token', token, ...target]);
      expect(down.code).toBe(1);
      expect(lastJsonLine(down.stderr)).toMatchObject({
        error: { code: 'server_unreachable', params: { url: server.url } },
      });
    });

    it('rotate-admin-token on a shared database: running servers take the new token at once', async () => {
      const url = await freshDatabase(external);
      const server = await startServerProcess(['--database-url', url]);
      const rotated = await runCli(['server', 'rotate-admin-token', '--database-url', url]);
      expect(rotated.code, rotated.stderr).toBe(0);
      const fresh = /^admin token: (\S+)$/m.exec(rotated.stdout)?.[1] ?? '';
      expect(fresh).toMatch(/^ddk_/);
      expect((await request(server.url, 'GET', '/v1/me', server.adminToken ?? '')).status).toBe(401);
      expect((await request(server.url, 'POST', '/v1/teams', fresh, { name: 'After' })).status).toBe(201);
      await stopServer(server);
    });

    it('refuses an unreachable database and conflicting options with a clear error', async () => {
      const wrongPassword = new URL(external);
      wrongPassword.password = 'not-the-password';
      const refused = await runCli([
        'server',
        'start',
        '--port',
        '0',
        '--database-url',
        wrongPassword.toString(),
        '--json',
      ]);
      expect(refused.code).toBe(1);
      const failure = lastJsonLine(refused.stderr) as { error: { code: string; message: string } };
      expect(failure.error.code).toBe('server_database_unreachable');
      expect(failure.error.message).toContain('DATABASE_URL');
      expect(refused.stderr).not.toContain('not-the-password');

      const both = await runCli([
        'server',
        'start',
        '--data-dir',
        tempDir('dialdeck-both-'),
        '--database-url',
        external,
        '--json',
      ]);
      expect(both.code).toBe(2);
      expect(lastJsonLine(both.stderr)).toMatchObject({ error: { code: 'invalid_input' } });
    });
  },
);
