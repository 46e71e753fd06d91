import type { Db } from '../../../src/main/core/store/db';

/**
 * The tables whose rows the server will learn about (directly or through the outbox). Their columns
 * may only be added to: a desktop on an older schema and the server must keep reading each other's rows.
 */
export const SYNCED_TABLES = [
  'accounts',
  'leads',
  'lead_phones',
  'activities',
  'research',
  'cadences',
  'cadence_steps',
  'enrollments',
  'tasks',
  'dnc',
  'outbox',
  'lead_bant',
  'lead_profile_checks',
  'handoffs',
  'scripts',
  'research_facts',
  'email_templates',
] as const;

/** One column as SQLite declares it. */
export type ColumnShape = { type: string; notNull: boolean; primaryKey: boolean };
/** table → column → shape. */
export type SchemaShape = Record<string, Record<string, ColumnShape>>;

/** Reads the declared columns of `tables` from an open store (hidden columns excluded). */
export const schemaShape = (db: Db, tables: readonly string[]): SchemaShape => {
  const shape: SchemaShape = {};
  for (const table of tables) {
    const columns = db.prepare(`PRAGMA table_xinfo(${JSON.stringify(table)})`).all() as {
      name: string;
      type: string;
      notnull: number;
      pk: number;
      hidden: number;
    }[];
    if (columns.length === 0) continue;
    shape[table] = Object.fromEntries(
      columns
        .filter((c) => c.hidden === 0)
        .map((c) => [c.name, { type: c.type.toUpperCase(), notNull: c.notnull === 1, primaryKey: c.pk > 0 }]),
    );
  }
  return shape;
};

/**
 * What a schema change broke for rows written before it: a table or column gone, a column whose type
 * or key changed, or one that now refuses NULL. Columns and tables that are new are fine.
 */
export const breakingChanges = (before: SchemaShape, after: SchemaShape): string[] => {
  const problems: string[] = [];
  for (const [table, columns] of Object.entries(before)) {
    const now = after[table];
    if (!now) {
      problems.push(`table ${table} was dropped`);
      continue;
    }
    for (const [name, was] of Object.entries(columns)) {
      const is = now[name];
      if (!is) problems.push(`${table}.${name} was dropped`);
      else {
        if (is.type !== was.type)
          problems.push(`${table}.${name} changed type from ${was.type} to ${is.type}`);
        if (is.primaryKey !== was.primaryKey) problems.push(`${table}.${name} changed its primary key`);
        if (is.notNull && !was.notNull) problems.push(`${table}.${name} became NOT NULL`);
      }
    }
  }
  return problems;
};
