import type { Db } from './db';
import { storeFailure } from './failures';

/**
 * Refuses to write a bulk change into a damaged store: runs SQLite's `PRAGMA quick_check` (every page
 * and b-tree read and checked, indexes not compared with their tables;
 * https://www.sqlite.org/pragma.html#pragma_quick_check) before the first write. A failed import would
 * otherwise claim, write and discard rows around the damage, and SQLite would rewrite pages of a file
 * whose copy is the user's best chance of recovery. Throws AppError `store_corrupt` naming `storeFile`;
 * reads and writes nothing else.
 */
export const assertStoreSound = (db: Db, storeFile: string): void => {
  let verdict: unknown;
  try {
    verdict = db.pragma('quick_check(1)', { simple: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) {
      throw storeFailure('store_corrupt', storeFile);
    }
    throw error;
  }
  if (verdict !== 'ok') throw storeFailure('store_corrupt', storeFile);
};
