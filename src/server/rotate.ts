import { resolve } from 'node:path';
import pino from 'pino';
import { claimDataDir } from './db/data-dir';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './db/embedded';
import { migrate } from './db/migrate';
import { openPool } from './db/pool';
import { rotateAdminToken } from './store/teams';

/**
 * Replaces the administrator token without a running server on the data folder (the built-in
 * PostgreSQL is started and stopped for it; a running server holds the folder, so this fails with
 * `server_data_dir_in_use`) or, with `databaseUrl`, on the shared database while servers run.
 * Revokes every earlier administrator token and returns the new one, which is shown only then.
 * Errors: `server_data_dir_in_use`, `server_embedded_failed`, `server_database_unreachable`.
 */
export const replaceAdminToken = async (options: {
  dataDir: string;
  databaseUrl: string | null;
}): Promise<string> => {
  const log = pino(
    { level: process.env.DIALDECK_SERVER_LOG_LEVEL ?? 'warn' },
    pino.destination({ dest: 1, sync: true }),
  );
  const dataDir = resolve(options.dataDir);
  const release = options.databaseUrl === null ? claimDataDir(dataDir) : () => {};
  let embedded: EmbeddedPostgres | null = null;
  try {
    if (options.databaseUrl === null) {
      embedded = await startEmbeddedPostgres(dataDir, {
        info: (message) => log.info(message),
        warn: (message) => log.warn(message),
      });
    }
    const pool = await openPool(options.databaseUrl ?? embedded?.url ?? '');
    try {
      await migrate(pool);
      return await rotateAdminToken(pool);
    } finally {
      await pool.end();
    }
  } finally {
    await embedded?.stop();
    release();
  }
};
