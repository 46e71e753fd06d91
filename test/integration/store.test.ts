import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../src/main/core';
import { AppError } from '../../src/main/core/errors';
import { DEMO_LEADS } from '../../src/main/core/leads/demo';
import { createLeadsRepo, type NewLead } from '../../src/main/core/leads/repo';
import { storeFile } from '../../src/main/core/paths';
import { LATEST_SCHEMA_VERSION, migrate, openStore, schemaVersion } from '../../src/main/core/store/db';
import { migrations } from '../../src/main/core/store/migrations';
import { fileTokenStore } from '../../src/main/core/sync/credentials';
import type { Outbox } from '../../src/main/core/sync/outbox';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) if (core.db.open) core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-store-'));
  dirs.push(dir);
  return dir;
};

const open = (dataDir: string, options: { seedDemo?: boolean } = {}): Core => {
  const core = openCore({ dataDir, ...options });
  cores.push(core);
  return core;
};

const count = (core: Core, sql: string): number => (core.db.prepare(sql).get() as { n: number }).n;

const schema = (db: Database.Database) =>
  db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();

/** A lead of one's own (not demo data) at the given company. */
const ownLead = (name: string, company: string | null): NewLead => ({
  ...(DEMO_LEADS[0] as NewLead),
  name,
  company,
  email: null,
  phones: [],
  isDemo: false,
});

describe('store: opening', () => {
  it('runs with WAL, synchronous=FULL and foreign keys', () => {
    const core = open(tempDir());
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(core.db)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('creates the data folder and its store file', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    open(dataDir);
    expect(existsSync(storeFile(dataDir))).toBe(true);
  });

  it('rejects values of the wrong type (STRICT tables), bad statuses and dangling references', () => {
    const { db } = open(tempDir());
    expect(() =>
      db
        .prepare(
          "INSERT INTO imports (id, file_name, imported, merged, skipped, rejected, created_at) VALUES ('i', 'f.csv', 'many', 0, 0, 0, 0)",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('k', X'00')").run()).toThrow(
      /cannot store BLOB value in TEXT column/,
    );
    const lead = `INSERT INTO leads (id, name, account_id, source_channel, direction, status, created_at, updated_at)
      VALUES (?, 'x', ?, 'web_form', 'inbound', ?, 0, 0)`;
    expect(() => db.prepare(lead).run('l1', null, 'maybe')).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(lead).run('l2', 'no-such-account', 'new')).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  it('opens a store again without changing it', () => {
    const dataDir = tempDir();
    const first = open(dataDir, { seedDemo: true });
    const before = { schema: schema(first.db), leads: first.leads.list({}) };
    first.close();
    const again = open(dataDir, { seedDemo: true });
    expect(schemaVersion(again.db)).toBe(LATEST_SCHEMA_VERSION);
    expect(schema(again.db)).toEqual(before.schema);
    expect(again.leads.list({})).toEqual(before.leads);
  });
});

describe('store: versions', () => {
  it('refuses a store from a newer Dialdeck and leaves it untouched', () => {
    const dataDir = tempDir();
    const file = storeFile(dataDir);
    const newer = new Database(file);
    newer.exec("CREATE TABLE future (note TEXT); INSERT INTO future VALUES ('keep me');");
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const bytes = createHash('sha256').update(readFileSync(file)).digest('hex');

    let error: unknown;
    try {
      openCore({ dataDir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('store_newer_version');
    expect((error as AppError).message).toMatch(/Update Dialdeck/);

    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(bytes);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.prepare('SELECT note FROM future').get()).toEqual({ note: 'keep me' });
    check.close();
  });

  it('rolls a failing migration back: no part of its schema, the version unchanged', () => {
    const file = join(tempDir(), 'dialdeck.sqlite');
    const db = openStore(file, { targetVersion: 1 });
    const before = schema(db);
    const failing = (inner: Database.Database) => {
      inner.exec('CREATE TABLE half_done (id TEXT) STRICT; CREATE INDEX half_done_id ON half_done(id);');
      inner.exec('INSERT INTO settings (key, value) VALUES (?, ?)'); // no values bound: throws
    };
    expect(() => migrate(db, 2, [migrations[0] ?? (() => undefined), failing])).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(schema(db)).toEqual(before);
    db.close();
  });

  it('leaves an empty file empty when its first migration fails', () => {
    const file = join(tempDir(), 'dialdeck.sqlite');
    const db = openStore(file, { targetVersion: 0 });
    expect(() =>
      migrate(db, 1, [
        (inner) => {
          inner.exec('CREATE TABLE leads (id TEXT) STRICT');
          throw new Error('disk full');
        },
      ]),
    ).toThrow('disk full');
    expect(schemaVersion(db)).toBe(0);
    expect(schema(db)).toEqual([]);
    db.close();
  });
});

describe('store: outbox rows land with their change, or not at all', () => {
  const failOn = (core: Core, table: string) =>
    core.db.exec(`CREATE TEMP TRIGGER fail_${table} BEFORE INSERT ON main.${table}
      BEGIN SELECT RAISE(ABORT, '${table} write failed'); END`);

  it('records a research note and its outbox row together', () => {
    const core = open(tempDir());
    const lead = core.db.transaction(() => core.leads.create(ownLead('Jo Park', 'Park Labs')))();
    const outboxBefore = count(core, 'SELECT count(*) AS n FROM outbox');
    core.leads.setResearch(lead.id, 'Uses a competitor; renewal in Q3.');
    expect(count(core, 'SELECT count(*) AS n FROM research')).toBe(1);
    const rows = core.db
      .prepare<[number], { name: string; args: string }>('SELECT name, args FROM outbox WHERE seq > ?')
      .all(outboxBefore);
    expect(rows.map((row) => row.name)).toEqual(['research.set']);
    expect(JSON.parse(rows[0]?.args ?? '{}')).toMatchObject({ leadId: lead.id });
  });

  it('writes neither for a lead that does not exist', () => {
    const core = open(tempDir());
    const outboxBefore = count(core, 'SELECT count(*) AS n FROM outbox');
    expect(() => core.leads.setResearch('01900000-0000-7000-8000-000000000000', 'note')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(count(core, 'SELECT count(*) AS n FROM research')).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM outbox')).toBe(outboxBefore);
  });

  it('keeps no research note when its outbox row cannot be written', () => {
    const core = open(tempDir());
    const lead = core.db.transaction(() => core.leads.create(ownLead('Jo Park', 'Park Labs')))();
    failOn(core, 'outbox');
    expect(() => core.leads.setResearch(lead.id, 'note')).toThrow(/outbox write failed/);
    expect(count(core, 'SELECT count(*) AS n FROM research')).toBe(0);
  });

  it('keeps no outbox row when the research note cannot be written', () => {
    const core = open(tempDir());
    const lead = core.db.transaction(() => core.leads.create(ownLead('Jo Park', 'Park Labs')))();
    const outboxBefore = count(core, 'SELECT count(*) AS n FROM outbox');
    failOn(core, 'research');
    expect(() => core.leads.setResearch(lead.id, 'note')).toThrow(/research write failed/);
    expect(count(core, 'SELECT count(*) AS n FROM outbox')).toBe(outboxBefore);
  });

  it('keeps no lead or account when the lead’s outbox row cannot be written', () => {
    const core = open(tempDir());
    const failingOutbox: Outbox = {
      record: () => {
        throw new Error('outbox unavailable');
      },
      inBatch: (_batchId, fn) => fn(),
    };
    const repo = createLeadsRepo(core.db, failingOutbox, Date.now);
    expect(() => core.db.transaction(() => repo.create(ownLead('Jo Park', 'Park Labs')))()).toThrow(
      'outbox unavailable',
    );
    expect(count(core, 'SELECT count(*) AS n FROM leads')).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM accounts')).toBe(0);
  });
});

describe('store: the demo call list', () => {
  const demoCount = (core: Core) => count(core, 'SELECT count(*) AS n FROM leads WHERE is_demo = 1');

  it('is seeded once, marked as demo, and never queued for the server', () => {
    const dataDir = tempDir();
    const core = open(dataDir, { seedDemo: true });
    expect(demoCount(core)).toBe(DEMO_LEADS.length);
    expect(count(core, 'SELECT count(*) AS n FROM leads')).toBe(DEMO_LEADS.length);
    expect(count(core, 'SELECT count(*) AS n FROM outbox')).toBe(0);
    core.close();
    expect(demoCount(open(dataDir, { seedDemo: true }))).toBe(DEMO_LEADS.length);
  });

  it('is not seeded into a store signed in to a team, nor later after signing out', () => {
    const dataDir = tempDir();
    fileTokenStore(dataDir).write({
      server: 'https://dialdeck.example.com',
      token: 'team-token',
      userId: '0190a1b2-0000-7000-8000-000000000001',
      teamId: '0190a1b2-0000-7000-8000-000000000002',
      teamName: 'Northwind',
      email: 'rep@example.com',
      role: 'rep',
      signedInAt: Date.now(),
    });
    const core = open(dataDir, { seedDemo: true });
    expect(count(core, 'SELECT count(*) AS n FROM leads')).toBe(0);
    core.close();
    fileTokenStore(dataDir).clear();
    expect(demoCount(open(dataDir, { seedDemo: true }))).toBe(0);
  });

  it('is not seeded beside leads the store already holds', () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    first.leads.create(ownLead('Jo Park', 'Park Labs'), { record: false });
    first.close();
    const again = open(dataDir, { seedDemo: true });
    expect(demoCount(again)).toBe(0);
    expect(again.leads.list({}).map((lead) => lead.name)).toEqual(['Jo Park']);
  });

  it('is not seeded where the host does not ask for it (the CLI)', () => {
    expect(demoCount(open(tempDir()))).toBe(0);
  });

  it('is removed in one step: demo leads and their now-empty accounts, nothing of the user’s', () => {
    const dataDir = tempDir();
    const core = open(dataDir, { seedDemo: true });
    const demoCompany = DEMO_LEADS.find((lead) => lead.company)?.company ?? '';
    const accountsBefore = count(core, 'SELECT count(*) AS n FROM accounts');
    const mine = core.db.transaction(() => [
      core.leads.create(ownLead('Sam Rivera', demoCompany)),
      core.leads.create(ownLead('Lee Kim', 'Kim & Partners')),
    ])();

    expect(core.leads.removeDemo()).toBe(DEMO_LEADS.length);

    expect(demoCount(core)).toBe(0);
    expect(
      core.leads
        .list({})
        .map((lead) => lead.name)
        .sort(),
    ).toEqual(['Lee Kim', 'Sam Rivera']);
    const accounts = core.db
      .prepare<[], { id: string; name: string }>('SELECT id, name FROM accounts ORDER BY name')
      .all();
    // The demo company a real lead now belongs to stays; the other demo companies go.
    expect(accounts.map((account) => account.id).sort()).toEqual(
      [mine[0]?.accountId, mine[1]?.accountId].filter(Boolean).sort(),
    );
    expect(accountsBefore).toBeGreaterThan(1);
    expect(
      count(
        core,
        'SELECT count(*) AS n FROM lead_phones p LEFT JOIN leads l ON l.id = p.lead_id WHERE l.id IS NULL',
      ),
    ).toBe(0);
    core.close();

    // Opening again does not bring the demo back.
    expect(demoCount(open(dataDir, { seedDemo: true }))).toBe(0);
  });
});
