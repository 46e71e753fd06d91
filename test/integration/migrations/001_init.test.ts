import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore, schemaVersion } from '../../../src/main/core/store/db';
import { columnsOf, describeMigration, indexNames, tableNames, tempStoreFile } from './helpers';

const TABLES = [
  'accounts',
  'activities',
  'imports',
  'lead_phones',
  'leads',
  'outbox',
  'research',
  'settings',
];

describe('migration 001: the lead store', () => {
  describeMigration(1, {
    verify: (db) => {
      expect(tableNames(db).filter((name) => name !== 'sqlite_sequence')).toEqual(TABLES);
      expect(columnsOf(db, 'leads')).toEqual(
        expect.arrayContaining(['id', 'name', 'account_id', 'status', 'is_demo', 'source_channel']),
      );
      expect(columnsOf(db, 'outbox')).toEqual([
        'seq',
        'id',
        'name',
        'args',
        'hlc',
        'state',
        'error',
        'created_at',
      ]);
      expect(indexNames(db)).toEqual(expect.arrayContaining(['accounts_name_key', 'lead_phones_e164']));
    },
  });

  it('refuses an emptied store file rather than starting over in it', () => {
    const file = tempStoreFile();
    writeFileSync(file, '');
    expect(() => openStore(file, { targetVersion: 1 })).toThrow(
      expect.objectContaining({ code: 'store_empty_file', params: { path: file } }),
    );
    expect(readFileSync(file).length).toBe(0);
  });

  it('starts from no file at all', () => {
    const file = tempStoreFile();
    const db = openStore(file, { targetVersion: 1 });
    try {
      expect(schemaVersion(db)).toBe(1);
      expect(tableNames(db)).toEqual(expect.arrayContaining(TABLES));
    } finally {
      db.close();
    }
  });

  it('makes every table STRICT', () => {
    const db = openStore(tempStoreFile(), { targetVersion: 1 });
    try {
      const tables = db.pragma('table_list') as Array<{ name: string; schema: string; strict: number }>;
      const ours = tables.filter((table) => table.schema === 'main' && TABLES.includes(table.name));
      expect(ours.map((table) => table.name).sort()).toEqual(TABLES);
      expect(ours.every((table) => table.strict === 1)).toBe(true);
    } finally {
      db.close();
    }
  });
});
