import type { Database } from 'better-sqlite3';
import { migration001Init } from './001_init';

/** Schema version N is reached by running migrations[N - 1]. Append only; never edit a shipped one. */
export const migrations: ReadonlyArray<(db: Database) => void> = [migration001Init];
