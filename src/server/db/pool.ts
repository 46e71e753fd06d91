import pg from 'pg';
import { ServerError } from '../errors';

/** The oldest PostgreSQL major version the server's SQL is written for. */
export const MIN_POSTGRES_MAJOR = 15;

/**
 * Opens a connection pool on `url` (any `postgres://` URL, as `DATABASE_URL` takes), checks that it
 * answers and runs PostgreSQL 15 or newer, and returns it. Throws `server_database_unreachable`
 * naming the host (never the password) when it cannot connect, refuses the login or is too old.
 */
export const openPool = async (url: string, max = 10): Promise<pg.Pool> => {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle client's error (the database restarted) must not crash the process; the next query fails.
  pool.on('error', () => {});
  const where = safeLocation(url);
  try {
    const { rows } = await pool.query<{ server_version_num: string }>('SHOW server_version_num');
    const major = Math.floor(Number(rows[0]?.server_version_num ?? 0) / 10_000);
    if (major < MIN_POSTGRES_MAJOR) {
      throw new ServerError(
        'server_database_unreachable',
        `The database at ${where} runs PostgreSQL ${major}; the Dialdeck server needs ${MIN_POSTGRES_MAJOR} or newer. Upgrade it or point DATABASE_URL at a newer one.`,
      );
    }
    return pool;
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof ServerError) throw error;
    throw new ServerError(
      'server_database_unreachable',
      `The Dialdeck server cannot use the database at ${where}: ${error instanceof Error ? error.message : String(error)}. Check DATABASE_URL (host, port, user, password, database) and that PostgreSQL is running.`,
    );
  }
};

/** `host:port/database` of a connection URL, for messages and logs: no user or password. */
export const safeLocation = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the given DATABASE_URL (not a valid URL)';
  }
};
