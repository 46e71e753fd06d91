import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportProgress, ImportSummary } from '@shared/api/imports';
import type { LeadPage } from '@shared/api/leads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Core, openCore } from '../../../src/main/core';
import type { NewLead } from '../../../src/main/core/leads/repo';
import { writeNow } from '../../../src/main/core/store/write-lock';
import { startWebHost, type WebHost } from '../../../src/main/web/server';
import { call, dialdeck, importFile, simpleCsv, tempDir } from './helpers';

const ROWS = 100_000;

const dir = tempDir('concurrent');
let core: Core;
let host: WebHost;

beforeAll(async () => {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dialdeck</title>');
  core = openCore({ dataDir: join(dir, 'data') });
  host = await startWebHost({ core, rendererDir });
});

afterAll(async () => {
  await host?.close();
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const typedLead = (name: string, email: string): NewLead => ({
  name,
  title: null,
  company: 'Typed In Ltd',
  email,
  phones: [],
  timeZone: 'America/New_York',
  country: 'US',
  region: 'NY',
  city: null,
  sourceChannel: 'other',
  sourceDetail: null,
  direction: 'outbound',
  status: 'new',
});

/** One request over the web host's API socket, as the renderer in a browser sends it. */
const overSocket = async <T>(method: string, input: unknown): Promise<T> => {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${encodeURIComponent(host.token)}`, {
    origin: host.origin,
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  try {
    // Events (import progress among them) arrive on the same socket; the reply carries the request's id.
    const reply = new Promise<{ result: { ok: boolean; value: T } }>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { id?: number; result: { ok: boolean; value: T } };
        if (message.id !== 1) return;
        ws.off('message', onMessage);
        resolve(message);
      };
      ws.on('message', onMessage);
    });
    ws.send(JSON.stringify({ id: 1, method, input }));
    const { result } = await reply;
    expect(result.ok).toBe(true);
    return result.value;
  } finally {
    ws.close();
  }
};

const visibleLeads = async () => (await call<LeadPage>(core, 'leads.page', { offset: 0, limit: 1 })).total;

describe('writes while a large import runs', () => {
  it('commit at once from this process and from the CLI, the host answers, and the import lands whole', async () => {
    await importFile(core, 'Name,Phone,Email\nJo Park,(415) 555-0100,jo@example.org\n');
    const [jo] = await call<Array<{ id: string }>>(core, 'leads.list', { search: 'Jo Park' });
    if (!jo) throw new Error('the first lead was not imported');

    let writing!: () => void;
    const writingStarted = new Promise<void>((resolve) => {
      writing = resolve;
    });
    const stop = core.events.on('import:progress', (progress: ImportProgress) => {
      if (progress.phase === 'writing' && progress.done > 0 && progress.done < progress.total) writing();
    });
    let importDone = false;
    const running = importFile(core, simpleCsv(ROWS)).then((summary: ImportSummary) => {
      importDone = true;
      return summary;
    });
    await writingStarted;
    stop();

    // Part of the file is written, yet no reader sees any of it: not the list, not the web host.
    expect(await visibleLeads()).toBe(1);
    const overHost = await overSocket<LeadPage>('leads.page', { offset: 0, limit: 5 });
    expect(overHost.total).toBe(1);

    // An outcome from this process, and a lead typed in whose email is also in the file.
    const logged = await call<{ outcome: string }>(core, 'outcomes.log', {
      leadId: jo.id,
      outcome: 'no_answer',
    });
    expect(logged.outcome).toBe('no_answer');
    const typed = writeNow(core.db, () => {
      const lead = core.leads.create(typedLead('Lead 4242 (typed)', 'LEAD4242@example.com'));
      core.dialing.enrollNewLeads([lead.id]);
      return lead;
    });

    // An outcome from another process on the same store.
    const cli = await dialdeck(['--data-dir', join(dir, 'data'), '--json', 'log', jo.id, 'voicemail']);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(importDone).toBe(false);

    const summary = await running;
    // The lead typed in during the import keeps its place; the file's copy of it is not doubled.
    expect(summary).toMatchObject({ imported: ROWS - 1, skipped: 1, merged: 0 });
    expect(await visibleLeads()).toBe(ROWS + 1);
    const byEmail = core.db
      .prepare<[], string>("SELECT id FROM leads WHERE lower(email) = 'lead4242@example.com'")
      .pluck()
      .all();
    expect(byEmail).toEqual([typed.id]);
    const outcomes = core.db
      .prepare<[string], string>(
        "SELECT outcome FROM activities WHERE lead_id = ? AND kind = 'call' ORDER BY occurred_at",
      )
      .pluck()
      .all(jo.id);
    expect(outcomes.sort()).toEqual(['no_answer', 'voicemail']);
    // Every new lead is on its cadence, and sync sees exactly one lead.create per lead.
    const count = (sql: string) => core.db.prepare<[], number>(sql).pluck().get();
    expect(count("SELECT count(*) FROM tasks WHERE state = 'open'")).toBe(ROWS + 1);
    expect(count("SELECT count(*) FROM outbox WHERE name = 'lead.create'")).toBe(ROWS + 1);
    expect(count("SELECT count(*) FROM import_batches WHERE state = 'writing'")).toBe(0);
  }, 180_000);

  it('merges into a stored lead at publishing, keeping what was written to it meanwhile', async () => {
    const other = openCore({ dataDir: join(dir, 'merge') });
    try {
      await importFile(other, 'Name,Phone,Email\nSam Lee,(415) 555-0199,dup@example.org\n');
      const [sam] = await call<Array<{ id: string }>>(other, 'leads.list', { search: 'Sam Lee' });
      if (!sam) throw new Error('the stored lead was not imported');
      // The file repeats Sam (by email) with a title, a second phone and a note, after many new leads.
      const rows = simpleCsv(20_000, 'Name,Company,Phone,Email,State').trimEnd().split('\r\n');
      const file = [
        'Name,Company,Phone,Email,State,Title,Notes',
        ...rows.slice(1).map((line) => `${line},,`),
        'Sam Lee,,(415) 555-0123,DUP@example.org,CA,CFO,From the trade show',
      ].join('\r\n');

      let writing!: () => void;
      const writingStarted = new Promise<void>((resolve) => {
        writing = resolve;
      });
      const stop = other.events.on('import:progress', (progress: ImportProgress) => {
        if (progress.phase === 'writing' && progress.done > 0 && progress.done < progress.total) writing();
      });
      const running = importFile(other, file, { onDuplicate: 'merge' });
      await writingStarted;
      stop();
      // Meanwhile the rep calls Sam and writes research notes.
      await call(other, 'outcomes.log', { leadId: sam.id, outcome: 'no_answer' });
      await call(other, 'leads.setResearch', { leadId: sam.id, body: 'Typed during the import' });
      type Detail = {
        lead: { title: string | null; status: string; phones: unknown[] };
        research: { body: string };
      };
      const during = await call<Detail>(other, 'leads.get', { id: sam.id });
      expect(during.lead.title).toBeNull();
      expect(during.lead.phones).toHaveLength(1);

      expect(await running).toMatchObject({ imported: 20_000, merged: 1 });
      const after = await call<Detail>(other, 'leads.get', { id: sam.id });
      expect(after.lead).toMatchObject({ title: 'CFO', status: 'working' });
      expect(after.lead.phones).toHaveLength(2);
      expect(after.research.body).toBe('Typed during the import');
    } finally {
      other.close();
    }
  }, 120_000);
});
