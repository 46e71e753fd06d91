import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AddUserOutput, CreateTeamOutput, TeamUsersOutput } from '@shared/server/admin';
import { afterAll, describe, expect, it } from 'vitest';
import { latestServerSchema } from '../../../src/server/db/migrations';
import { checkAuthorization } from './authorization';
import {
  killServers,
  removeDirs,
  request,
  runCli,
  startServerProcess,
  stopServer,
  tempDir,
} from './server-process';

// One data folder for the whole file: initdb runs once, and each test starts where the last stopped.
const dataDir = join(tempDir('dialdeck-server-'), 'server');
let adminToken = '';
let teamId = '';

afterAll(async () => {
  await killServers();
  removeDirs();
});

// Real processes on a machine shared with the rest of the suite: initdb alone can take ~10 s there.
describe('dialdeck server start on the built-in PostgreSQL', { timeout: 120_000 }, () => {
  it('first start: prints the admin token once, becomes ready, and a manager sets up a team through the CLI', async () => {
    // Asked as soon as the port opens, while initdb runs: up, but not ready.
    let early: Promise<[unknown, unknown]> = Promise.resolve([null, null]);
    const server = await startServerProcess(
      ['--data-dir', dataDir],
      { DIALDECK_SERVER_TEST_ROUTES: '1' },
      undefined,
      (url) => {
        early = Promise.all([request(url, 'GET', '/health'), request(url, 'GET', '/ready')]);
      },
    );
    const [earlyHealth, earlyReady] = await early;
    expect(earlyHealth).toEqual({ status: 200, body: { status: 'ok' } });
    expect(earlyReady).toMatchObject({
      status: 503,
      body: { error: { code: 'server_database_unreachable' } },
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.adminToken).toMatch(/^ddk_[A-Za-z0-9_-]{43}$/);
    adminToken = server.adminToken ?? '';
    // The token is printed once, outside the log, and never written in clear anywhere else.
    const logLines = server
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(logLines.join('\n')).not.toContain(adminToken);
    expect(server.stdout().split(adminToken)).toHaveLength(2);
    expect(server.stderr()).toBe('');
    expect(statSync(join(dataDir, 'postgres-password')).mode & 0o077).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    // Logs are JSON lines with a level and a message.
    expect(logLines.length).toBeGreaterThan(3);
    for (const line of logLines)
      expect(JSON.parse(line)).toMatchObject({ level: expect.any(Number), msg: expect.any(String) });

    expect(await request(server.url, 'GET', '/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await request(server.url, 'GET', '/ready')).toEqual({
      status: 200,
      body: { status: 'ready', schema: latestServerSchema },
    });

    const team = await runCli([
      'admin',
      'team',
      'create',
      'West SDRs',
      '--server',
      server.url,
      '--token',
      adminToken,
      '--json',
    ]);
    expect(team.code, team.stderr).toBe(0);
    teamId = CreateTeamOutput.parse(JSON.parse(team.stdout)).teamId;
    const user = await runCli([
      'admin',
      'user',
      'add',
      '--team',
      teamId,
      '--email',
      'ana@example.com',
      '--role',
      'rep',
      '--server',
      server.url,
      '--token',
      adminToken,
      '--json',
    ]);
    expect(user.code, user.stderr).toBe(0);
    const { token } = AddUserOutput.parse(JSON.parse(user.stdout));
    expect((await request(server.url, 'GET', '/v1/me', token)).body).toMatchObject({
      email: 'ana@example.com',
      role: 'rep',
    });

    // A second server process on the same data folder is refused while this one runs.
    const second = await runCli(['server', 'start', '--port', '0', '--data-dir', dataDir, '--json']);
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stderr.trim().split('\n').at(-1) ?? '')).toMatchObject({
      error: { code: 'server_data_dir_in_use' },
    });

    expect(await stopServer(server)).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'server.pid'))).toBe(false);
  });

  it('second start: no admin token is printed and the team is still there', async () => {
    const server = await startServerProcess(['--data-dir', dataDir]);
    expect(server.adminToken).toBeNull();
    expect(server.stdout()).not.toContain('admin token');
    const users = await request(server.url, 'GET', `/v1/teams/${teamId}/users`, adminToken);
    expect(TeamUsersOutput.parse(users.body).users.map((u) => u.email)).toEqual(['ana@example.com']);
    await stopServer(server);
  });

  it('SIGTERM during a slow request lets it finish, refuses new connections, then stops PostgreSQL', async () => {
    const server = await startServerProcess(['--data-dir', dataDir], { DIALDECK_SERVER_TEST_ROUTES: '1' });
    const started = Date.now();
    const slow = request(server.url, 'GET', '/v1/test/slow?ms=2000');
    await new Promise((done) => setTimeout(done, 400));
    server.child.kill('SIGTERM');
    const answer = await slow;
    expect(answer).toEqual({ status: 200, body: { slept: 2000 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    await expect(fetch(new URL('/health', server.url))).rejects.toThrow();
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const order = server
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg?: string }).msg ?? '');
    const completed = order.indexOf('request completed');
    const pgStop = order.indexOf('stopping the built-in PostgreSQL');
    expect(completed).toBeGreaterThanOrEqual(0);
    expect(pgStop).toBeGreaterThan(completed);
  });

  it('kill -9 of the server, then a restart, keeps every committed row', async () => {
    const server = await startServerProcess(['--data-dir', dataDir]);
    const added = await request(server.url, 'POST', `/v1/teams/${teamId}/users`, adminToken, {
      email: 'bo@example.com',
      role: 'ae',
    });
    expect(added.status).toBe(201);
    server.child.kill('SIGKILL');
    await server.exited;
    // The killed server's PostgreSQL outlives it; the next start stops it and takes over the folder.
    const pid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(pid, 0)).not.toThrow();

    const restarted = await startServerProcess(['--data-dir', dataDir]);
    expect(restarted.adminToken).toBeNull();
    const users = await request(restarted.url, 'GET', `/v1/teams/${teamId}/users`, adminToken);
    expect(TeamUsersOutput.parse(users.body).users.map((u) => [u.email, u.role])).toEqual([
      ['ana@example.com', 'rep'],
      ['bo@example.com', 'ae'],
    ]);
    const token = AddUserOutput.parse(added.body).token;
    expect((await request(restarted.url, 'GET', '/v1/me', token)).status).toBe(200);
    expect(() => process.kill(pid, 0)).toThrow();
    await stopServer(restarted);
  });

  // As root the cluster runs as the `postgres` OS user; here the whole server runs as a normal user.
  const asRoot = process.getuid?.() === 0;
  const normalUser = asRoot && spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : null;
  it.runIf(normalUser !== null)('runs as a normal user too (then PostgreSQL runs as that user)', async () => {
    const own = tempDir('dialdeck-server-user-');
    chmodSync(own, 0o777);
    const server = await startServerProcess(
      ['--data-dir', join(own, 'server')],
      { HOME: own },
      normalUser ?? '',
    );
    expect(server.adminToken).toMatch(/^ddk_/);
    expect(statSync(join(own, 'server', 'postgres')).uid).toBe(statSync(join(own, 'server')).uid);
    expect((await request(server.url, 'GET', '/v1/me', server.adminToken ?? '')).body).toEqual({
      kind: 'admin',
    });
    // Signalled itself (server.pid names it), not through runuser, which would kill it after a grace period.
    process.kill(Number(readFileSync(join(own, 'server', 'server.pid'), 'utf8')), 'SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(own, 'server', 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it.runIf(asRoot)(
    'as root, a data folder the postgres user cannot enter works: its cluster lives in /var/lib/dialdeck and keeps its data',
    async () => {
      const closed = tempDir('dialdeck-server-closed-');
      chmodSync(closed, 0o700);
      const ownDir = join(closed, 'server');
      const first = await startServerProcess(['--data-dir', ownDir]);
      expect(first.adminToken).toMatch(/^ddk_/);
      const token = first.adminToken ?? '';
      const cluster = readFileSync(join(ownDir, 'postgres-location'), 'utf8').trim();
      try {
        expect(cluster).toMatch(/^\/var\/lib\/dialdeck\/clusters\/[0-9a-f]{16}$/);
        expect(statSync(cluster).mode & 0o777).toBe(0o700);
        expect(statSync(cluster).uid).toBe(Number(spawnSync('id', ['-u', 'postgres']).stdout));
        expect(existsSync(join(cluster, 'PG_VERSION'))).toBe(true);
        // The server's own files stay where they were asked for; no cluster is made there.
        expect(statSync(join(ownDir, 'postgres-password')).mode & 0o077).toBe(0);
        expect(existsSync(join(ownDir, 'postgres'))).toBe(false);
        const team = await request(first.url, 'POST', '/v1/teams', token, { name: 'Closed folder' });
        expect(team.status).toBe(201);
        const { teamId: closedTeam } = CreateTeamOutput.parse(team.body);
        expect(await stopServer(first)).toEqual({ code: 0, signal: null });
        expect(existsSync(join(cluster, 'postmaster.pid'))).toBe(false);

        const second = await startServerProcess(['--data-dir', ownDir]);
        expect(second.adminToken).toBeNull();
        expect(readFileSync(join(ownDir, 'postgres-location'), 'utf8').trim()).toBe(cluster);
        expect((await request(second.url, 'GET', `/v1/teams/${closedTeam}/users`, token)).status).toBe(200);
        expect(await stopServer(second)).toEqual({ code: 0, signal: null });
      } finally {
        rmSync(cluster, { recursive: true, force: true });
      }
    },
  );

  it.runIf(asRoot && process.platform === 'linux')(
    'as root, PostgreSQL runs from the copy in /var/cache/dialdeck when its programs must be staged',
    async () => {
      // DIALDECK_SERVER_STAGE_BINARIES=1 stages the programs even though this checkout is reachable.
      const server = await startServerProcess(['--data-dir', dataDir], {
        DIALDECK_SERVER_STAGE_BINARIES: '1',
      });
      expect(await request(server.url, 'GET', '/ready')).toEqual({
        status: 200,
        body: { status: 'ready', schema: latestServerSchema },
      });
      const pid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      const program = readlinkSync(`/proc/${pid}/exe`);
      expect(program).toMatch(/^\/var\/cache\/dialdeck\/postgres-[^/]+-linux-[^/]+\/bin\/postgres$/);
      const staged = dirname(dirname(program));
      expect(statSync(staged).mode & 0o777).toBe(0o755);
      expect(statSync(staged).uid).toBe(0);
      expect(readdirSync(dirname(staged)).filter((name) => name.includes('.tmp-'))).toEqual([]);
      expect(await stopServer(server)).toEqual({ code: 0, signal: null });
    },
  );

  it('authorization: teams, roles and tokens', async () => {
    const server = await startServerProcess(['--data-dir', dataDir]);
    await checkAuthorization(server.url, adminToken);
    await stopServer(server);
  });

  it('rotate-admin-token: refused while the server runs, then replaces the token for good', async () => {
    const server = await startServerProcess(['--data-dir', dataDir]);
    const busy = await runCli(['server', 'rotate-admin-token', '--data-dir', dataDir, '--json']);
    expect(busy.code).toBe(1);
    expect(JSON.parse(busy.stderr.trim())).toMatchObject({ error: { code: 'server_data_dir_in_use' } });
    await stopServer(server);

    const rotated = await runCli(['server', 'rotate-admin-token', '--data-dir', dataDir, '--json']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const { adminToken: fresh } = JSON.parse(rotated.stdout) as {
      adminToken: string;
    };
    expect(fresh).toMatch(/^ddk_/);
    expect(fresh).not.toBe(adminToken);

    const restarted = await startServerProcess(['--data-dir', dataDir]);
    expect(restarted.adminToken).toBeNull();
    expect((await request(restarted.url, 'GET', '/v1/me', adminToken)).status).toBe(401);
    expect((await request(restarted.url, 'GET', '/v1/me', fresh)).body).toEqual({ kind: 'admin' });
    await stopServer(restarted);
    adminToken = fresh;
  });
});
