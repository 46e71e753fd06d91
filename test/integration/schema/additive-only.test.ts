import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/core/store/db';
import { breakingChanges, type SchemaShape, SYNCED_TABLES, schemaShape } from './columns';

/**
 * The columns of the synced tables as shipped, checked in. Run with UPDATE_SCHEMA_SNAPSHOT=1 after a
 * migration ADDS columns or tables to record them; nothing may be removed or retyped.
 */
const SNAPSHOT = join(import.meta.dirname, 'synced-columns.json');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const freshStore = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-schema-'));
  dirs.push(dir);
  return openStore(join(dir, 'dialdeck.sqlite'));
};

describe('synced tables are additive only', () => {
  it('keeps every column of the checked-in snapshot, with its type, key and nullability', () => {
    const db = freshStore();
    const current = schemaShape(db, SYNCED_TABLES);
    db.close();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
      const previous: SchemaShape = existsSync(SNAPSHOT) ? JSON.parse(readFileSync(SNAPSHOT, 'utf8')) : {};
      // Recording a snapshot never hides a breaking change: the old one must still hold.
      expect(breakingChanges(previous, current)).toEqual([]);
      writeFileSync(SNAPSHOT, `${JSON.stringify(current, null, 2)}\n`);
    }
    const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as SchemaShape;
    expect(Object.keys(snapshot).sort()).toEqual([...SYNCED_TABLES].sort());
    expect(breakingChanges(snapshot, current)).toEqual([]);
  });

  it('catches a migration that drops, retypes or tightens a synced column', () => {
    const db = freshStore();
    const before = schemaShape(db, SYNCED_TABLES);
    db.exec(`
      ALTER TABLE research DROP COLUMN updated_at;
      ALTER TABLE accounts ADD COLUMN website TEXT;
      DROP TABLE dnc;
      CREATE TABLE dnc (id TEXT PRIMARY KEY, kind TEXT NOT NULL, value TEXT NOT NULL, reason TEXT NOT NULL,
        lead_id TEXT, created_at TEXT NOT NULL) STRICT;
    `);
    const after = schemaShape(db, SYNCED_TABLES);
    db.close();
    expect(breakingChanges(before, after).sort()).toEqual([
      'dnc.created_at changed type from INTEGER to TEXT',
      'dnc.reason became NOT NULL',
      'research.updated_at was dropped',
    ]);
    expect(after.accounts?.website).toEqual({ type: 'TEXT', notNull: false, primaryKey: false });
  });

  it('catches a synced table that is dropped', () => {
    const db = freshStore();
    const before = schemaShape(db, SYNCED_TABLES);
    db.exec('DROP TABLE research');
    const after = schemaShape(db, SYNCED_TABLES);
    db.close();
    expect(breakingChanges(before, after)).toEqual(['table research was dropped']);
  });
});
