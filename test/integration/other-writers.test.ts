import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName } from '@shared/api';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../src/main/core';
import type { NewLead } from '../../src/main/core/leads/repo';
import {
  COARSE_EVENT_GAP_MS,
  OTHER_WRITERS_POLL_MS,
  watchOtherWriters,
} from '../../src/main/core/store/other-writers';
import { call, dialdeck } from './imports/helpers';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dialdeck-writers-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const open = (dataDir: string, watch: boolean): Core => {
  const core = openCore({ dataDir, watchOtherWriters: watch });
  cleanups.push(() => core.close());
  return core;
};

const QUIET_LEAD: NewLead = {
  name: '',
  title: null,
  company: null,
  email: null,
  phones: [],
  timeZone: 'America/Chicago',
  country: 'US',
  region: 'IL',
  city: null,
  sourceChannel: 'outbound_list',
  sourceDetail: null,
  direction: 'outbound',
  status: 'new',
  isDemo: true,
};

type Seen = { name: EventName; payload: unknown; at: number };

const record = (core: Core): Seen[] => {
  const seen: Seen[] = [];
  const stop = core.events.onAny((name, payload) => seen.push({ name, payload, at: Date.now() }));
  cleanups.push(stop);
  return seen;
};

/** Resolves once `test` holds, polling every 10 ms; rejects after `ms`. */
const until = async (test: () => boolean, ms: number): Promise<void> => {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const importCsv = async (core: Core, csv: string) => {
  const { token } = await call<{ token: string }>(core, 'imports.preview', {
    fileName: 'leads.csv',
    dataBase64: Buffer.from(csv).toString('base64'),
    options: {},
  });
  return call<{ imported: number }>(core, 'imports.run', { token, options: { region: 'US' } });
};

const idsOf = (seen: Seen[], name: EventName): string[] =>
  seen
    .filter((event) => event.name === name)
    .flatMap((event) => {
      const payload = event.payload as { ids?: string[]; leadIds?: string[] };
      return payload.ids ?? payload.leadIds ?? [];
    });

describe('commits from another connection', () => {
  it('reach the watching core as change events naming the leads, within a second', async () => {
    const dataDir = tempDir();
    const window = open(dataDir, true);
    const cli = open(dataDir, false);
    const seen = record(window);

    await importCsv(cli, 'Name,Phone\nAvery Chen,(212) 555-0143\n');
    // Within a second of the commit that published it.
    const started = Date.now();
    const [lead] = cli.db.prepare('SELECT id FROM leads').pluck().all() as string[];
    await until(() => idsOf(seen, 'leads:changed').includes(lead as string), 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(
      seen.some((e) => e.name === 'queue:changed' && (e.payload as { reason: string }).reason === 'external'),
    ).toBe(true);

    seen.length = 0;
    const logged = Date.now();
    await call(cli, 'outcomes.log', { leadId: lead, outcome: 'no_answer' });
    await until(() => idsOf(seen, 'queue:changed').includes(lead as string), 1000);
    expect(Date.now() - logged).toBeLessThan(1000);
    // Nothing about the settings table changed, so the settings view is left alone.
    expect(seen.some((e) => e.name === 'settings:changed')).toBe(false);
  });

  it('lets two windows on one store each see what the other wrote', async () => {
    const dataDir = tempDir();
    const first = open(dataDir, true);
    const second = open(dataDir, true);
    const seenByFirst = record(first);
    const seenBySecond = record(second);
    await importCsv(first, 'Name,Phone\nAvery Chen,(212) 555-0143\n');
    const id = first.db.prepare('SELECT id FROM leads').pluck().get() as string;
    await until(() => idsOf(seenBySecond, 'leads:changed').includes(id), 1000);
    seenByFirst.length = 0;
    await call(second, 'leads.setResearch', { leadId: id, body: 'Asked about pricing' });
    await until(() => idsOf(seenByFirst, 'leads:changed').includes(id), 1000);
  });

  it('announces a preference saved elsewhere as settings:changed alone', async () => {
    const dataDir = tempDir();
    const window = open(dataDir, true);
    const other = open(dataDir, false);
    const seen = record(window);
    await call(other, 'settings.update', { locale: 'ko' });
    await until(() => seen.some((e) => e.name === 'settings:changed'), 1000);
    await new Promise((resolve) => setTimeout(resolve, OTHER_WRITERS_POLL_MS * 2));
    expect(seen.map((e) => e.name)).toEqual(['settings:changed']);
  });

  it('stays quiet when no other connection committed, including after its own writes', async () => {
    const dataDir = tempDir();
    const window = open(dataDir, true);
    const seen = record(window);
    await importCsv(window, 'Name,Phone\nJordan Lee,(212) 555-0199\n');
    const own = seen.length;
    expect(own).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, OTHER_WRITERS_POLL_MS * 3));
    expect(seen.length).toBe(own);
  });

  it('says "leads changed" without ids when the outbox cannot name them, at most once a second', async () => {
    const dataDir = tempDir();
    const window = open(dataDir, false);
    const other = open(dataDir, false);
    const watch = watchOtherWriters(window.db, window.events, 60_000);
    cleanups.push(() => watch.stop());
    const seen = record(window);
    expect(watch.check()).toBe(false);
    // Leads written without outbox rows, as demo leads and unpublished import rows are.
    const addQuietLead = (name: string) =>
      other.db.transaction(() => other.leads.create({ ...QUIET_LEAD, name }, { record: false }))();
    addQuietLead('Quiet One');
    expect(watch.check()).toBe(true);
    expect(seen.map((e) => [e.name, e.payload])).toEqual([
      ['leads:changed', {}],
      ['queue:changed', { reason: 'external' }],
    ]);
    expect(watch.check()).toBe(false);

    // A second one at once waits for the gap, then goes out: the list reloads once a second at most.
    addQuietLead('Quiet Two');
    watch.check();
    expect(seen).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, COARSE_EVENT_GAP_MS + 50));
    watch.check();
    expect(seen.map((e) => e.name)).toEqual([
      'leads:changed',
      'queue:changed',
      'leads:changed',
      'queue:changed',
    ]);
  });

  it('sends nothing for a checkpoint or a transaction that changed nothing a view shows', () => {
    const dataDir = tempDir();
    const window = open(dataDir, false);
    const other = open(dataDir, false);
    const watch = watchOtherWriters(window.db, window.events, 60_000);
    cleanups.push(() => watch.stop());
    const seen = record(window);
    const versionBefore = window.db.pragma('data_version', { simple: true });
    other.db.prepare("UPDATE leads SET updated_at = updated_at WHERE id = 'none'").run();
    other.db.pragma('wal_checkpoint(TRUNCATE)');
    // SQLite did report another connection's work…
    expect(window.db.pragma('data_version', { simple: true })).not.toBe(versionBefore);
    // …but nothing a view shows changed.
    expect(watch.check()).toBe(false);
    expect(seen).toEqual([]);
  });

  it('stops watching when the core closes', async () => {
    const dataDir = tempDir();
    const window = openCore({ dataDir, watchOtherWriters: true });
    const other = open(dataDir, false);
    const seen: EventName[] = [];
    window.events.onAny((name) => seen.push(name));
    window.close();
    await call(other, 'settings.update', { locale: 'ko' });
    await new Promise((resolve) => setTimeout(resolve, OTHER_WRITERS_POLL_MS * 3));
    expect(seen).toEqual([]);
  });

  it('picks up a lead imported and an outcome logged by a real dialdeck process', async () => {
    const dataDir = tempDir();
    const window = open(dataDir, true);
    const seen = record(window);
    const file = join(dataDir, 'leads.csv');
    writeFileSync(file, 'Name,Phone,State\nMorgan Diaz,(415) 555-0110,CA\n');

    const imported = await dialdeck(['--data-dir', dataDir, '--json', 'import', file, '--region', 'US']);
    expect(imported.code, imported.stderr).toBe(0);
    const id = window.db.prepare("SELECT id FROM leads WHERE name = 'Morgan Diaz'").pluck().get() as string;
    await until(() => idsOf(seen, 'leads:changed').includes(id), 1000);

    seen.length = 0;
    const logged = await dialdeck(['--data-dir', dataDir, '--json', 'log', id, 'no_answer']);
    expect(logged.code, logged.stderr).toBe(0);
    await until(() => idsOf(seen, 'queue:changed').includes(id), 1000);
  }, 60_000);
});
