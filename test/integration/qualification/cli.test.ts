import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { tempDir, utc } from '../cadence/helpers';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const BIN = resolve(ROOT, 'bin', 'dialdeck.mjs');
const T = utc('2026-03-02T15:00:00Z');

/** Tables a hand-off writes to; a refused one must leave each exactly as it was. */
const TABLES = ['leads', 'lead_bant', 'lead_profile_checks', 'handoffs', 'enrollments', 'tasks', 'outbox'];

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
  (JSON.parse(run.stderr.trim()) as { error: { code: string; message: string; details?: unknown } }).error;

const seed = () => {
  const dataDir = tempDir('dialdeck-handoff-cli-');
  const core = openCore({ dataDir, now: () => T });
  const lead = core.db.transaction(() =>
    core.leads.create(
      {
        name: 'Mina Cho',
        title: 'Head of Sales Ops',
        company: 'Kite Labs',
        email: 'mina@kite.test',
        phones: [{ e164: '+12025550143', ext: null, label: null, raw: '202 555 0143' }],
        timeZone: 'America/New_York',
        country: 'US',
        region: null,
        city: null,
        sourceChannel: 'web_form',
        sourceDetail: 'Pricing page',
        direction: 'inbound',
        status: 'new',
      },
      { at: T },
    ),
  )();
  core.dialing.enrollNewLeads([lead.id], T);
  core.close();
  return { dataDir, leadId: lead.id };
};

/** Every row of the hand-off's tables, as text, read through a fresh connection. */
const snapshot = (dataDir: string): Record<string, string> => {
  const core = openCore({ dataDir });
  try {
    return Object.fromEntries(
      TABLES.map((table) => [
        table,
        JSON.stringify(core.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()),
      ]),
    );
  } finally {
    core.close();
  }
};

describe('dialdeck handoff', () => {
  beforeAll(() => {
    if (!existsSync(resolve(ROOT, 'out', 'main')))
      throw new Error('run `npm run build` first: the test runs the built CLI');
  });

  it('hands off at the gate: {handoffId, status} and the store holds the hand-off and its batch', () => {
    const { dataDir, leadId } = seed();
    const run = dialdeck(
      dataDir,
      'handoff',
      leadId,
      '--bant',
      'budget, Need',
      '--note',
      'Replacing spreadsheets for 40 reps',
      '--next-step',
      'Demo on Tuesday',
      '--ae',
      'Dana',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { handoffId: string; status: string };
    expect(Object.keys(out)).toEqual(['handoffId', 'status']);
    expect(out.status).toBe('mql');

    const core = openCore({ dataDir });
    try {
      expect(core.db.prepare('SELECT status FROM leads WHERE id = ?').pluck().get(leadId)).toBe('mql');
      expect(core.db.prepare('SELECT id, summary, next_step, suggested_ae FROM handoffs').all()).toEqual([
        {
          id: out.handoffId,
          summary: 'Replacing spreadsheets for 40 reps',
          next_step: 'Demo on Tuesday',
          suggested_ae: 'Dana',
        },
      ]);
      expect(
        core.db
          .prepare('SELECT criterion FROM lead_bant WHERE confirmed = 1 ORDER BY criterion')
          .pluck()
          .all(),
      ).toEqual(['budget', 'need']);
      const last = core.db.prepare('SELECT name, args FROM outbox ORDER BY seq DESC LIMIT 1').get() as {
        name: string;
        args: string;
      };
      expect(last.name).toBe('lead.handoff');
      const changes = (JSON.parse(last.args) as { changes: { name: string; args: { id?: string } }[] })
        .changes;
      expect(changes.find((c) => c.name === 'handoff.create')?.args.id).toBe(out.handoffId);
    } finally {
      core.close();
    }

    const again = dialdeck(dataDir, 'handoff', leadId, '--bant', 'budget,need', '--note', 'again');
    expect(again.status).toBe(1);
    expect(errorOf(again).code).toBe('handoff_already_handed_off');
  });

  it('below the gate exits non-zero with handoff_bant_gate and leaves the store as it was', () => {
    const { dataDir, leadId } = seed();
    const before = snapshot(dataDir);
    const run = dialdeck(dataDir, 'handoff', leadId, '--bant', 'timeline', '--note', 'Keen');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const error = errorOf(run);
    expect(error.code).toBe('handoff_bant_gate');
    expect(error.message).toMatch(/Only 1 of the 4 BANT criteria are confirmed; a hand-off needs 2/);
    expect(snapshot(dataDir)).toEqual(before);
    // Without --bant nothing is confirmed at all.
    expect(errorOf(dialdeck(dataDir, 'handoff', leadId, '--note', 'Keen')).code).toBe('handoff_bant_gate');
    expect(snapshot(dataDir)).toEqual(before);
  });

  it.each([
    [['--bant', 'budget,money', '--note', 'x'], /"money" is not a BANT criterion/],
    [['--bant', ',', '--note', 'x'], /no criterion given/],
    [['--bant', 'budget,need'], /--note is required/],
    [['--bant', 'budget,need', '--note', 'x', '--urgent'], /unknown option '--urgent'/],
  ])('refuses bad flags %j with invalid_input, exit 2, writing nothing', (args, message) => {
    const { dataDir, leadId } = seed();
    const before = snapshot(dataDir);
    const run = dialdeck(dataDir, 'handoff', leadId, ...args);
    expect(run.status).toBe(2);
    const error = errorOf(run);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('names an unknown lead', () => {
    const { dataDir } = seed();
    const run = dialdeck(
      dataDir,
      'handoff',
      '0196f2a4-7b1c-7d2e-8f3a-9b4c5d6e7f80',
      '--bant',
      'budget,need',
      '--note',
      'x',
    );
    expect(run.status).toBe(1);
    expect(errorOf(run).code).toBe('not_found');
  });

  it('a lead an outcome made an MQL ("Qualified") can still be handed off, once', () => {
    const { dataDir, leadId } = seed();
    const logged = dialdeck(dataDir, 'log', leadId, 'qualified', '--note', 'wants a demo');
    expect(logged.stderr).toBe('');
    const handoff = () =>
      dialdeck(dataDir, 'handoff', leadId, '--bant', 'budget,need', '--note', 'Demo next week');
    const first = handoff();
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'mql' });
    const second = handoff();
    expect(second.status).toBe(1);
    expect(errorOf(second).code).toBe('handoff_already_handed_off');
    const core = openCore({ dataDir });
    try {
      expect(core.db.prepare('SELECT count(*) AS n FROM handoffs WHERE lead_id = ?').get(leadId)).toEqual({
        n: 1,
      });
    } finally {
      core.close();
    }
  });
});
