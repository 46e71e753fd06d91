import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { phone, tempDir, utc } from './helpers';

const root = resolve(import.meta.dirname, '..', '..', '..');
const AT = '2025-03-11T15:00:00Z';

type Run = { status: number | null; json: unknown; stderr: string };

const dialdeck = (dataDir: string, ...args: string[]): Run => {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/main/cli/index.ts', '--data-dir', dataDir, '--json', ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'America/Chicago' } },
  );
  const out = result.stdout.trim();
  return { status: result.status, json: out ? JSON.parse(out) : null, stderr: result.stderr };
};

const errorOf = (run: Run) =>
  (JSON.parse(run.stderr.trim().split('\n').at(-1) ?? '{}') as { error: { code: string; message: string } })
    .error;

/** A store with a New York lead (callable at AT) and a Shanghai lead (night there at AT). */
const seedStore = () => {
  const dataDir = tempDir('dialdeck-cli-cadence-');
  const core = openCore({ dataDir });
  const at = utc('2025-03-10T15:00:00Z');
  const make = (name: string, timeZone: string, e164: string) =>
    core.leads.create(
      {
        name,
        title: null,
        company: null,
        email: null,
        phones: phone(e164),
        timeZone,
        country: null,
        region: null,
        city: null,
        sourceChannel: 'outbound_list',
        sourceDetail: null,
        direction: 'outbound',
        status: 'new',
      },
      { at },
    ).id;
  const ny = make('New York lead', 'America/New_York', '+12025550143');
  const sh = make('Shanghai lead', 'Asia/Shanghai', '+8613800138000');
  core.dialing.enrollNewLeads([ny, sh], at);
  core.close();
  return { dataDir, ny, sh };
};

describe('dialdeck queue commands', () => {
  it('next, queue and why answer for any instant', () => {
    const { dataDir, ny, sh } = seedStore();
    const next = dialdeck(dataDir, 'next', '--at', AT);
    expect(next.status).toBe(0);
    expect(next.json).toMatchObject({ at: utc(AT), entry: { lead: { id: ny }, tier: 'cadence' } });
    expect((next.json as { entry: { reasons: unknown[] } }).entry.reasons.length).toBeGreaterThan(0);

    const queue = dialdeck(dataDir, 'queue', '--at', AT, '--limit', '5');
    expect((queue.json as { entries: { lead: { id: string } }[] }).entries.map((e) => e.lead.id)).toEqual([
      ny,
    ]);

    const why = dialdeck(dataDir, 'why', sh, '--at', AT);
    expect(why.status).toBe(0);
    expect(why.json).toMatchObject({
      callable: false,
      blockers: [{ rule: 'calling_window', until: utc('2025-03-12T00:00:00Z') }],
      callableAt: utc('2025-03-12T00:00:00Z'),
    });
    expect(dialdeck(dataDir, 'why', sh, '--at', '2025-03-12T08:00:00+08:00').json).toMatchObject({
      callable: true,
    });
  });

  it('log records an outcome; the lead moves in the queue', () => {
    const { dataDir, ny } = seedStore();
    const logged = dialdeck(dataDir, 'log', ny, 'no_answer', '--note', 'Rang out', '--at', AT);
    expect(logged.status).toBe(0);
    expect(logged.json).toMatchObject({
      outcome: 'no_answer',
      status: 'working',
      nextTask: { dueAt: utc(AT) + 4 * 3_600_000 },
    });
    expect(dialdeck(dataDir, 'next', '--at', AT).json).toMatchObject({ entry: null });
    const callback = dialdeck(
      dataDir,
      'log',
      ny,
      'callback',
      '--callback-at',
      '2025-03-11T12:30:00-04:00',
      '--at',
      AT,
    );
    expect(callback.json).toMatchObject({
      nextTask: { kind: 'callback', dueAt: utc('2025-03-11T16:30:00Z') },
    });
    expect(dialdeck(dataDir, 'next', '--at', '2025-03-11T16:30:00Z').json).toMatchObject({
      entry: { tier: 'callback' },
    });
  });

  it('fails clearly, with a non-zero exit, on bad input', () => {
    const { dataDir, ny } = seedStore();
    const noTime = dialdeck(dataDir, 'log', ny, 'callback', '--at', AT);
    expect(noTime.status).toBe(2);
    expect(errorOf(noTime)).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('--callback-at'),
    });
    const unknownOutcome = dialdeck(dataDir, 'log', ny, 'hung_up');
    expect(unknownOutcome.status).toBe(2);
    expect(errorOf(unknownOutcome).message).toContain('Unknown outcome "hung_up"');
    const unknownLead = dialdeck(dataDir, 'why', '0190a000-0000-7000-8000-000000000099');
    expect(unknownLead.status).toBe(1);
    expect(errorOf(unknownLead).code).toBe('not_found');
    const badTime = dialdeck(dataDir, 'next', '--at', 'tomorrow morning');
    expect(badTime.status).toBe(2);
    expect(errorOf(badTime).message).toContain('not an ISO 8601 date-time');
  });

  it('lists outcomes and round-trips cadences through a file', () => {
    const { dataDir } = seedStore();
    const outcomes = dialdeck(dataDir, 'outcomes');
    expect((outcomes.json as { id: string }[]).map((o) => o.id)).toEqual([
      'meeting_booked',
      'qualified',
      'not_interested',
      'callback',
      'voicemail',
      'no_answer',
      'busy',
      'gatekeeper',
      'wrong_number',
      'bad_number',
      'do_not_contact',
    ]);
    const file = join(tempDir(), 'cadences.json');
    expect(dialdeck(dataDir, 'cadence', 'export', file).json).toEqual({ file, count: 2 });
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { cadences: { name: string }[] };
    exported.cadences[0] = { ...exported.cadences[0], name: 'Renamed' } as { name: string };
    writeFileSync(file, JSON.stringify(exported));
    const imported = dialdeck(dataDir, 'cadence', 'import', file);
    expect(imported.status).toBe(0);
    expect((imported.json as { saved: { name: string }[] }).saved.map((c) => c.name)).toContain('Renamed');

    const bad = join(tempDir(), 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        format: 'dialdeck.cadences',
        version: 1,
        cadences: [
          {
            name: 'X',
            steps: [{ id: 'a', kind: 'call', title: 'A', on: { voicemail: { action: 'jump' } } }],
          },
        ],
      }),
    );
    const rejected = dialdeck(dataDir, 'cadence', 'import', bad);
    expect(rejected.status).toBe(2);
    expect(errorOf(rejected).message).toContain('cadences[0].steps[0].on.voicemail.action');
  });
});
