import type pg from 'pg';
import { latestServerSchema, type ServerMigration, serverMigrations } from './migrations';

/**
 * Key of the session advisory lock held while migrating (any constant no other program on the
 * database uses; these are the bytes of "DIALDEC"): two server processes starting at once on one
 * database take turns, and the second finds everything applied.
 */
const MIGRATION_LOCK = 0x4449414c444543n;

/**
 * Brings the database to `latestServerSchema`: takes the migration advisory lock (waiting for
 * another process that holds it), creates `server_migrations` if missing, and applies each missing
 * migration in its own transaction together with its row in `server_migrations`. Returns the versions
 * applied now (empty when another process had done it). Throws if the database is newer than this
 * server (code-free `Error`; the caller reports it as `server_database_unreachable`).
 */
export const migrate = async (
  pool: pg.Pool,
  migrations: readonly ServerMigration[] = serverMigrations,
): Promise<number[]> => {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS server_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM server_migrations');
      const done = new Set(rows.map((r) => r.version));
      const newest = Math.max(0, ...done);
      if (newest > latestServerSchema) {
        throw new Error(
          `The database has server schema ${newest}, newer than this server's ${latestServerSchema}: update the Dialdeck server.`,
        );
      }
      const applied: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(
            'INSERT INTO server_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [migration.version, migration.name, Date.now()],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        applied.push(migration.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    }
  } finally {
    client.release();
  }
};

/** The newest applied server schema version, or 0 before the first migration. */
export const schemaVersion = async (pool: pg.Pool): Promise<number> => {
  const { rows } = await pool.query<{ version: number | null }>(
    `SELECT CASE WHEN to_regclass('server_migrations') IS NULL THEN 0
       ELSE (SELECT coalesce(max(version), 0) FROM server_migrations) END AS version`,
  );
  return rows[0]?.version ?? 0;
};
