import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/** A write held back while its caller works the rest out: the statement and the values it binds. */
type HeldWrite = { statement: Statement<unknown[]>; params: unknown[] };

/** The writes held back on a connection, in the order they were asked for. */
export type HeldWrites = readonly HeldWrite[];

/** Connections whose writes are being held back right now, and where they go. */
const holding = new WeakMap<Db, HeldWrite[]>();

/**
 * A write statement whose `run` either writes at once or, inside `holdWrites` on its connection, is
 * held back to be written later by `writeHeld` in the same order. Its result is not returned, so no
 * caller can depend on a write that has not happened yet.
 */
export type HoldableWrite<P extends unknown[]> = { run(...params: P): void };

/** Wraps a prepared write statement of `db` so that `holdWrites` can hold it back (see HoldableWrite). */
export const holdable = <P extends unknown[]>(db: Db, statement: Statement<P>): HoldableWrite<P> => ({
  run(...params: P): void {
    const held = holding.get(db);
    if (held) held.push({ statement: statement as unknown as Statement<unknown[]>, params });
    else statement.run(...params);
  },
});

/** Whether `db`'s writes are being held back right now (inside `holdWrites`): no transaction is needed then. */
export const isHolding = (db: Db): boolean => holding.has(db);

/**
 * Runs `fn` with every holdable write on `db` held back instead of written, and returns those writes
 * in order. Reads inside `fn` see the store as it is, without the held writes, so `fn` must not read
 * back what it writes (an import's chunk keeps what it made in memory). Lets the pure work of a write
 * (ids, JSON, plans) happen before the write lock is taken, so the lock is held only to insert.
 */
export const holdWrites = (db: Db, fn: () => void): HeldWrites => {
  if (holding.has(db)) throw new Error('Writes are already being held on this connection.');
  const held: HeldWrite[] = [];
  holding.set(db, held);
  try {
    fn();
  } finally {
    holding.delete(db);
  }
  return held;
};

/** Writes what `holdWrites` held back, in order; call inside the write transaction. */
export const writeHeld = (writes: HeldWrites): void => {
  for (const { statement, params } of writes) statement.run(...params);
};
