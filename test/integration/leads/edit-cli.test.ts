import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { MutationEnvelope } from '../../../src/shared/sync';
import { tempDir, utc } from '../cadence/helpers';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const BIN = resolve(ROOT, 'bin', 'dialdeck.mjs');
const T = utc('2026-03-02T15:00:00Z');

type Run = { status: number | null; stdout: string; stderr: string };

/** The built CLI (`bin/dialdeck.mjs` → `out/`), as a user runs it. */
const dialdeck = (dataDir: string, ...args: string[]): Run => {
  const run = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, '--json', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

const errorOf = (run: Run) =>
  (JSON.parse(run.stderr.trim()) as { error: { code: string; message: string } }).error;

type Edited = {
  lead: {
    id: string;
    phones: { e164: string }[];
    timeZone: string | null;
    status: string;
    ownerId: string | null;
  };
  dncPhones: string[];
};
const edited = (run: Run): Edited => {
  expect(run.stderr, run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Edited;
};

/** A lead with no known zone or country (so no hour is callable for it) and one Korean number. */
const seed = (country: string | null = null) => {
  const dataDir = tempDir('dialdeck-lead-set-');
  const core = openCore({ dataDir, now: () => T });
  const lead = core.db.transaction(() =>
    core.leads.create(
      {
        name: 'Ji-woo Han',
        title: 'IT Director',
        company: 'Hanbit Tech',
        email: 'jiwoo@hanbit.test',
        phones: [{ e164: '+82212345678', ext: null, label: null, raw: '+82 2 1234 5678' }],
        timeZone: null,
        country,
        region: null,
        city: null,
        sourceChannel: 'event',
        sourceDetail: 'Seoul summit',
        direction: 'inbound',
        status: 'new',
      },
      { at: T },
    ),
  )();
  core.dialing.enrollNewLeads([lead.id], T);
  const seq = (core.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM outbox').get() as { s: number }).s;
  core.close();
  return { dataDir, leadId: lead.id, seq };
};

type OutboxRow = { name: string; args: string; id: string; hlc: string };
/** Outbox rows written after `seq`, each checked against the wire schema the server applies. */
const outboxAfter = (dataDir: string, seq: number) => {
  const core = openCore({ dataDir });
  try {
    const rows = core.db
      .prepare('SELECT id, name, args, hlc FROM outbox WHERE seq > ? ORDER BY seq')
      .all(seq) as OutboxRow[];
    for (const row of rows) {
      const parsed = MutationEnvelope.safeParse({ ...row, args: JSON.parse(row.args) });
      expect(parsed.success, `${row.name}: ${parsed.error?.message}`).toBe(true);
    }
    return rows.map((row) => ({ name: row.name, args: JSON.parse(row.args) as Record<string, unknown> }));
  } finally {
    core.close();
  }
};

const lastSeq = (dataDir: string): number => {
  const core = openCore({ dataDir });
  try {
    return (core.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM outbox').get() as { s: number }).s;
  } finally {
    core.close();
  }
};

const queueIds = (dataDir: string, at: string): string[] => {
  const run = dialdeck(dataDir, 'queue', '--at', at);
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { entries: { lead: { id: string } }[] }).entries.map((e) => e.lead.id);
};

describe('dialdeck lead set', () => {
  beforeAll(() => {
    if (!existsSync(resolve(ROOT, 'out', 'main')))
      throw new Error('run `npm run build` first: the test runs the built CLI');
  });

  it('replaces the numbers, read in the lead’s country, as one lead.setPhones mutation', () => {
    const { dataDir, leadId, seq } = seed('KR');
    const out = edited(
      dialdeck(dataDir, 'lead', 'set', leadId, '--phone', '02-9876-5432', '--phone', '+82 10 2345 6789'),
    );
    expect(out.lead.phones.map((p) => p.e164)).toEqual(['+82298765432', '+821023456789']);
    const rows = outboxAfter(dataDir, seq);
    expect(rows.map((r) => r.name)).toEqual(['lead.setPhones']);
    expect(((rows[0]?.args.phones ?? []) as { e164: string }[]).map((p) => p.e164)).toEqual([
      '+82298765432',
      '+821023456789',
    ]);
  });

  it('refuses a bad number with lead_phone_invalid and changes nothing', () => {
    const { dataDir, leadId, seq } = seed('KR');
    const run = dialdeck(dataDir, 'lead', 'set', leadId, '--phone', '+82 10 2345 6789', '--phone', '12345');
    expect(run.status).not.toBe(0);
    const error = errorOf(run);
    expect(error.code).toBe('lead_phone_invalid');
    expect(error.message).toContain('12345');
    expect(outboxAfter(dataDir, seq)).toEqual([]);
    const core = openCore({ dataDir });
    expect(core.leads.getLead(leadId).phones.map((p) => p.e164)).toEqual(['+82212345678']);
    core.close();
  });

  it('chooses the number to dial as one lead.setPrimaryPhone mutation; a number not on the lead is refused', () => {
    const { dataDir, leadId } = seed('KR');
    edited(
      dialdeck(dataDir, 'lead', 'set', leadId, '--phone', '+82 2 1234 5678', '--phone', '+82 10 2345 6789'),
    );
    const seq = lastSeq(dataDir);
    const out = edited(dialdeck(dataDir, 'lead', 'set', leadId, '--primary', '+821023456789'));
    expect(out.lead.phones.map((p) => p.e164)).toEqual(['+821023456789', '+82212345678']);
    expect(outboxAfter(dataDir, seq).map((r) => r.name)).toEqual(['lead.setPrimaryPhone']);
    const missing = dialdeck(dataDir, 'lead', 'set', leadId, '--primary', '+821099998888');
    expect(errorOf(missing).code).toBe('lead_phone_not_on_lead');
  });

  it('keeps a do-not-contact number marked and never dialable', () => {
    const { dataDir, leadId } = seed('KR');
    const core = openCore({ dataDir, now: () => T });
    core.db
      .prepare(
        "INSERT INTO dnc (id, kind, value, reason, lead_id, created_at) VALUES (?, 'phone', ?, 'asked', NULL, ?)",
      )
      .run('019a0000-0000-7000-8000-000000000001', '+821023456789', T);
    core.close();
    const out = edited(dialdeck(dataDir, 'lead', 'set', leadId, '--phone', '+82 10 2345 6789'));
    expect(out.dncPhones).toEqual(['+821023456789']);
    expect(queueIds(dataDir, '2026-03-03T01:00:00Z')).not.toContain(leadId);
    const next = dialdeck(dataDir, 'log', leadId, 'no_answer');
    expect(errorOf(next).code).toBe('lead_do_not_contact');
  });

  it('sets the time zone as one lead.setTimeZone mutation, and the lead is callable at its local hours', () => {
    const { dataDir, leadId, seq } = seed(null);
    // 10:00 on a Tuesday in Seoul; unknown zone and country: no hour is safe, so it waits.
    expect(queueIds(dataDir, '2026-03-03T01:00:00Z')).not.toContain(leadId);
    const bad = dialdeck(dataDir, 'lead', 'set', leadId, '--time-zone', 'Asia/Atlantis');
    expect(errorOf(bad).code).toBe('lead_time_zone_invalid');
    const out = edited(dialdeck(dataDir, 'lead', 'set', leadId, '--time-zone', 'Asia/Seoul'));
    expect(out.lead.timeZone).toBe('Asia/Seoul');
    expect(outboxAfter(dataDir, seq)).toEqual([
      {
        name: 'lead.setTimeZone',
        args: { id: leadId, timeZone: 'Asia/Seoul', updatedAt: expect.any(Number) },
      },
    ]);
    expect(queueIds(dataDir, '2026-03-03T01:00:00Z')).toContain(leadId);
    // 22:00 in Seoul the same day: outside the calling window.
    expect(queueIds(dataDir, '2026-03-03T13:00:00Z')).not.toContain(leadId);
  });

  it('changes the status with a reason: one lead.changeStatus, and the history keeps the reason', () => {
    const { dataDir, leadId, seq } = seed('KR');
    const noReason = dialdeck(dataDir, 'lead', 'set', leadId, '--status', 'nurture');
    expect(errorOf(noReason).code).toBe('invalid_input');
    const mql = dialdeck(dataDir, 'lead', 'set', leadId, '--status', 'mql', '--reason', 'ready');
    expect(errorOf(mql).code).toBe('invalid_input');
    const out = edited(
      dialdeck(dataDir, 'lead', 'set', leadId, '--status', 'nurture', '--reason', 'Budget frozen until Q3'),
    );
    expect(out.lead.status).toBe('nurture');
    const rows = outboxAfter(dataDir, seq);
    expect(rows.map((r) => r.name)).toEqual(['lead.changeStatus']);
    expect(rows[0]?.args).toMatchObject({
      status: 'nurture',
      statusBefore: 'new',
      reason: 'Budget frozen until Q3',
    });
    const history = dialdeck(dataDir, 'history', leadId);
    const entries = (JSON.parse(history.stdout) as { activities: Record<string, unknown>[] }).activities;
    expect(entries[0]).toMatchObject({
      id: rows[0]?.args.activityId,
      kind: 'status_change',
      note: 'Budget frozen until Q3',
      statusBefore: 'new',
      status: 'nurture',
    });
  });

  it('a status that ends work takes the lead off its cadence and out of the queue', () => {
    const { dataDir, leadId } = seed('KR');
    expect(queueIds(dataDir, '2026-03-03T01:00:00Z')).toContain(leadId);
    edited(
      dialdeck(dataDir, 'lead', 'set', leadId, '--status', 'disqualified', '--reason', 'Student project'),
    );
    expect(queueIds(dataDir, '2026-03-03T01:00:00Z')).not.toContain(leadId);
  });

  it('reassigns the owner as one lead.setOwner mutation', () => {
    const { dataDir, leadId, seq } = seed('KR');
    const out = edited(dialdeck(dataDir, 'lead', 'set', leadId, '--owner', 'dana@team.test'));
    expect(out.lead.ownerId).toBe('dana@team.test');
    expect(outboxAfter(dataDir, seq)).toEqual([
      {
        name: 'lead.setOwner',
        args: { id: leadId, ownerId: 'dana@team.test', updatedAt: expect.any(Number) },
      },
    ]);
    const nothing = dialdeck(dataDir, 'lead', 'set', leadId);
    expect(errorOf(nothing).code).toBe('invalid_input');
  });
});
