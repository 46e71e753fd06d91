import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { holdable, holdWrites, isHolding, writeHeld } from '../../../src/main/core/store/deferred';

// An import works each chunk out (ids, JSON, plans) with its inserts held back, then writes them in a
// short transaction: held writes must not reach the store until written, and then in the order asked.

let db: Database.Database;
afterEach(() => db?.close());

const open = () => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE notes (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = holdable(db, db.prepare<[string]>('INSERT INTO notes (body) VALUES (?)'));
  const bodies = () => db.prepare('SELECT body FROM notes ORDER BY seq').pluck().all();
  return { insert, bodies };
};

describe('held writes', () => {
  it('writes at once outside holdWrites', () => {
    const { insert, bodies } = open();
    insert.run('now');
    expect(bodies()).toEqual(['now']);
    expect(isHolding(db)).toBe(false);
  });

  it('holds writes back until writeHeld, which writes them in order', () => {
    const { insert, bodies } = open();
    const held = holdWrites(db, () => {
      expect(isHolding(db)).toBe(true);
      insert.run('first');
      insert.run('second');
      // Reads see the store without the held writes.
      expect(bodies()).toEqual([]);
    });
    expect(isHolding(db)).toBe(false);
    expect(bodies()).toEqual([]);
    expect(held).toHaveLength(2);
    db.transaction(() => writeHeld(held)).immediate();
    expect(bodies()).toEqual(['first', 'second']);
  });

  it('stops holding when the work throws, and refuses to hold twice at once', () => {
    const { insert, bodies } = open();
    expect(() =>
      holdWrites(db, () => {
        insert.run('lost');
        throw new Error('planning failed');
      }),
    ).toThrow('planning failed');
    expect(isHolding(db)).toBe(false);
    expect(() => holdWrites(db, () => holdWrites(db, () => {}))).toThrow(/already being held/);
    insert.run('after');
    expect(bodies()).toEqual(['after']);
  });
});
