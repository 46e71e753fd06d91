import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import pg from 'pg';

export const root = resolve(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'bin', 'dialdeck.mjs');

/**
 * A temporary folder the `postgres` OS user can enter (the embedded cluster runs as that user when
 * the tests run as root; mkdtemp makes 0700 folders). Removed by `removeDirs`.
 */
const made: string[] = [];
export const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  made.push(dir);
  return dir;
};
export const removeDirs = (): void => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
};

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  /** The administrator token printed on this start, or null when none was printed. */
  adminToken: string | null;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const running = new Set<ChildProcess>();

/**
 * Spawns `dialdeck server start --port 0 …` through the built CLI and waits for its `ready` line
 * (human output: `listening on URL`, `admin token: T` on first start, `ready (…)`, among the log's
 * JSON lines on stdout; stdout keeps being collected until the process exits).
 */
export const startServerProcess = (
  args: string[],
  env: NodeJS.ProcessEnv = {},
  asUser?: string,
  onListening?: (url: string) => void,
): Promise<ServerProcess> => {
  const command = [process.execPath, cli, 'server', 'start', '--port', '0', ...args];
  // runuser passes signals on to the server, so SIGTERM reaches it as from a service manager.
  const [file, ...rest] = asUser ? ['runuser', '-u', asUser, '--', ...command] : command;
  const child = spawn(file as string, rest, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    // 'close', not 'exit': every line the process wrote has been read by then.
    child.once('close', (code, signal) => {
      running.delete(child);
      done({ code, signal });
    });
  });
  return new Promise((resolvePromise, reject) => {
    let url = '';
    let adminToken: string | null = null;
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      stdout += `${line}\n`;
      const listening = /^listening on (\S+)$/.exec(line);
      if (listening?.[1]) {
        url = listening[1];
        onListening?.(url);
      }
      const token = /^admin token: (\S+)$/.exec(line);
      if (token?.[1]) adminToken = token[1];
      if (line.startsWith('ready')) {
        resolvePromise({ child, url, adminToken, stdout: () => stdout, stderr: () => stderr, exited });
      }
    });
    void exited.then(({ code, signal }) =>
      reject(
        new Error(
          `server exited (${code ?? signal}) before it was ready:\n${stdout}\n${stderr.slice(-4000)}`,
        ),
      ),
    );
  });
};

/** Sends SIGTERM and waits for the exit. */
export const stopServer = async (
  server: ServerProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> => {
  server.child.kill('SIGTERM');
  return server.exited;
};

/**
 * Stops every server process a failed test left running: SIGTERM, so each stops its embedded
 * PostgreSQL, then SIGKILL after 15 s.
 */
export const killServers = async (): Promise<void> => {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('close', () => {
            clearTimeout(force);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
};

/** Runs the built CLI to completion: exit code, stdout and stderr. `input` is written to its stdin. */
export const runCli = (
  args: string[],
  env: NodeJS.ProcessEnv = {},
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, ...env } });
    child.stdin.end(input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('close', (code) => done({ code, stdout, stderr }));
  });

/** An HTTP request to the server with an optional bearer token: status and parsed JSON body. */
export const request = async (
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(new URL(path, url), {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};

/**
 * A fresh, empty database on the PostgreSQL named by TEST_DATABASE_URL (its role needs CREATEDB),
 * returned as a URL; dropped by `dropDatabases`.
 */
const databases: { admin: string; name: string }[] = [];
export const freshDatabase = async (adminUrl: string): Promise<string> => {
  const name = `dialdeck_t_${process.pid}_${databases.length}_${Date.now()}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  databases.push({ admin: adminUrl, name });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};
/**
 * Drops the databases `freshDatabase` made. `WITH (FORCE)` ends the test's own connections, but not an
 * autovacuum worker (a superuser's backend, refused with 42501), which PostgreSQL may run on a database
 * the test wrote a lot to: that drop is tried again for a few seconds, then left to the cluster's owner
 * with a warning, since a leftover scratch database is no test failure.
 */
export const dropDatabases = async (): Promise<void> => {
  for (const { admin, name } of databases.splice(0)) {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '42501') throw error;
          if (attempt === 10) {
            console.warn(`Left the test database ${name} behind: ${(error as Error).message}`);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    } finally {
      await client.end();
    }
  }
};

/** TEST_DATABASE_URL, required in CI (where .ci/run starts Debian's PostgreSQL). */
export const externalDatabase = (): string | null => {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return url;
  if (process.env.CI)
    throw new Error('TEST_DATABASE_URL is unset in CI: .ci/run must start PostgreSQL and export it.');
  return null;
};

/**
 * A connection URL to the built-in PostgreSQL a running server started for `dataDir` (its superuser
 * `dialdeck`, database `dialdeck`): the cluster from `postgres-location` or `postgres/`, the port from
 * its `postmaster.pid`, the password from `postgres-password`. For tests that read the server's tables.
 */
export const embeddedDatabaseUrl = (dataDir: string): string => {
  const location = join(dataDir, 'postgres-location');
  const cluster = existsSync(location) ? readFileSync(location, 'utf8').trim() : join(dataDir, 'postgres');
  const port = readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n')[3]?.trim();
  const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
  return `postgres://dialdeck:${encodeURIComponent(password)}@127.0.0.1:${port}/dialdeck`;
};

/**
 * Team set-up through the administrator's API on the server at `url`: `team(name)` creates a team
 * (`CreateTeamOutput`: teamId, inbound secret), `user(teamId, email, role)` adds a member and gives back
 * its email with `AddUserOutput` (userId, token). Both throw a zod error when the server refuses.
 */
export const teamMaker = (url: string, adminToken: string) => ({
  team: async (name: string): Promise<CreateTeamOutput> =>
    CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', adminToken, { name })).body),
  user: async (teamId: string, email: string, role: string): Promise<AddUserOutput & { email: string }> => ({
    email,
    ...AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role })).body,
    ),
  }),
});
