import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ServerError } from '../errors';

/**
 * Layout of a server data folder (the embedded default; with `--database-url` only `server.pid`):
 * - `postgres/` the PostgreSQL cluster (PGDATA), made by initdb on first start;
 * - `postgres-location` only when the cluster lives elsewhere (as root, when the `postgres` OS user
 *   cannot enter this folder): the cluster's absolute path, which then replaces `postgres/`;
 * - `postgres-password` the cluster superuser's random password (mode 0600);
 * - `server.pid` the id of the server process using the folder, so a second one is refused.
 */
export const dataDirLayout = (dataDir: string) => ({
  pgdata: join(dataDir, 'postgres'),
  clusterLocation: join(dataDir, 'postgres-location'),
  password: join(dataDir, 'postgres-password'),
  pidFile: join(dataDir, 'server.pid'),
});

/** Whether a process with this id exists (signal 0 checks without sending anything). */
export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the embedded PostgreSQL's own OS user).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readPid = (file: string): number | null => {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/**
 * Claims the data folder for this process by writing `server.pid` exclusively. A file left by a
 * process that no longer runs (killed, power cut) is taken over. Returns the release function.
 * Throws `server_data_dir_in_use` (params `{ path }`) while another live server process holds it.
 */
export const claimDataDir = (dataDir: string): (() => void) => {
  mkdirSync(dataDir, { recursive: true });
  const { pidFile } = dataDirLayout(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(pidFile, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        if (readPid(pidFile) === process.pid) unlinkSync(pidFile);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readPid(pidFile);
      if (holder !== null && holder !== process.pid && processAlive(holder)) {
        throw new ServerError(
          'server_data_dir_in_use',
          `Another Dialdeck server process (pid ${holder}) already runs on the data folder ${dataDir}. Stop it first, or give this one its own --data-dir (several processes share one database through --database-url).`,
          { path: dataDir, pid: holder },
        );
      }
      if (existsSync(pidFile)) unlinkSync(pidFile);
    }
  }
  throw new ServerError('server_data_dir_in_use', `Could not claim the data folder ${dataDir}.`, {
    path: dataDir,
  });
};

/**
 * The PostgreSQL left running on `pgdata` by a server process that was killed (its postmaster
 * outlives it), or null. Only a live process whose command line names this PGDATA counts, so a
 * recycled pid is never mistaken for it.
 */
export const orphanPostmaster = (pgdata: string): number | null => {
  const pid = readPid(join(pgdata, 'postmaster.pid'));
  if (pid === null || !processAlive(pid)) return null;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(pgdata) ? pid : null;
  } catch {
    // No /proc (macOS): the postmaster.pid's own check will refuse a recycled pid with a clear error.
    return pid;
  }
};
