import { spawnSync } from 'node:child_process';
import { MAX_INSTANT, MIN_INSTANT } from '@shared/domain/instant';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { dispatch } from '../../../src/main/core/dispatch';
import { dialdeck, failureOf, later, seedStore, tempDir } from './helpers';

const AT = Date.parse('2025-03-11T15:00:00Z');

const openSeeded = () => {
  const dataDir = tempDir('instants');
  const leadId = seedStore(dataDir);
  const core = openCore({ dataDir });
  later(() => {
    if (core.db.open) core.close();
  });
  return { dataDir, leadId, core };
};

describe('times are real instants at the contract', () => {
  it.each([
    ['seconds instead of milliseconds', 1_741_705_200],
    ['microseconds', 1_741_705_200_000_000],
    ['a fraction', AT + 0.5],
    ['before 2000', MIN_INSTANT - 1],
    ['after 2100', MAX_INSTANT + 1],
    ['not a number', Number.NaN],
  ])('refuses %s with invalid_input naming the field', async (_, bad) => {
    const { core, leadId } = openSeeded();
    for (const [method, input, field] of [
      ['queue.why', { leadId, at: bad }, 'at'],
      ['queue.list', { at: bad }, 'at'],
      ['outcomes.log', { leadId, outcome: 'callback', callbackAt: bad }, 'callbackAt'],
      ['outcomes.log', { leadId, outcome: 'no_answer', at: bad }, 'at'],
      ['tasks.list', { at: bad }, 'at'],
    ] as const) {
      const result = await dispatch(core.handlers, method, input);
      expect(result.ok, `${method} ${field}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toContain(`${field}:`);
        expect(result.error.message).toMatch(/2000-01-01 and 2100-01-01/);
      }
    }
    expect(core.db.prepare('SELECT count(*) AS n FROM activities').get()).toEqual({ n: 0 });
  });

  it('takes the edges of the range', async () => {
    const { core, leadId } = openSeeded();
    for (const at of [MIN_INSTANT, MAX_INSTANT]) {
      expect((await dispatch(core.handlers, 'queue.why', { leadId, at })).ok).toBe(true);
    }
  });

  it('the CLI refuses an impossible or out-of-range --at / --callback-at with what to write', async () => {
    const { dataDir, leadId, core } = openSeeded();
    core.close();
    for (const [args, says] of [
      [['why', leadId, '--at', '2025-02-30T10:00:00Z'], /not an ISO 8601 date-time; write e\.g\./],
      [['why', leadId, '--at', '1999-12-31T23:59:59Z'], /outside the times Dialdeck accepts.*check the year/],
      [['log', leadId, 'callback', '--callback-at', '2125-03-10T10:00:00Z'], /--callback-at: .*outside/],
      [['log', leadId, 'no_answer', '--at', 'yesterday'], /--at: "yesterday" is not an ISO 8601/],
    ] as const) {
      const run = await dialdeck(dataDir, [...args]);
      expect(run.status, args.join(' ')).toBe(2);
      const failure = failureOf(run);
      expect(failure.code).toBe('invalid_input');
      expect(failure.message).toMatch(says);
    }
  });
});

describe('a bad stored instant never breaks a view', () => {
  const BAD = [9e15, -9e15, 2 ** 62];
  const COLUMNS = [
    ['tasks', 'due_at'],
    ['lead_queue', 'last_attempt_at'],
    ['leads', 'created_at'],
    ['tasks', 'created_at'],
  ] as const;

  it.each(BAD.flatMap((bad) => COLUMNS.map(([table, column]) => [table, column, bad] as const)))(
    '%s.%s = %d: the explainer, the queue, the lead card and the export still answer',
    async (table, column, bad) => {
      const { core, leadId } = openSeeded();
      const logged = await dispatch(core.handlers, 'outcomes.log', { leadId, outcome: 'no_answer', at: AT });
      expect(logged.ok).toBe(true);
      core.db.prepare(`UPDATE ${table} SET ${column} = ?`).run(BigInt(bad));

      const why = await dispatch(core.handlers, 'queue.why', { leadId, at: AT });
      expect(why).toMatchObject({ ok: true });
      if (why.ok) {
        const { callableAt, callableAtIso, blockers } = why.value as {
          callableAt: number | null;
          callableAtIso: string | null;
          blockers: { until: number | null; untilIso: string | null; message: string }[];
        };
        // Text derived from a time is the time, or unknown: never "Invalid Date" or a throw.
        if (callableAt !== null && (callableAt < MIN_INSTANT || callableAt > MAX_INSTANT)) {
          expect(callableAtIso).toBeNull();
        }
        for (const blocker of blockers) {
          expect(blocker.message).not.toMatch(/invalid|NaN/i);
          if (blocker.untilIso !== null) expect(Date.parse(blocker.untilIso)).toBe(blocker.until);
        }
      }
      for (const [method, input] of [
        ['queue.list', { at: AT }],
        ['queue.next', { at: AT }],
        ['queue.plan', { at: AT }],
        ['tasks.list', { at: AT }],
        ['leads.get', { id: leadId }],
        ['leads.page', {}],
        ['enrollments.get', { leadId }],
        ['imports.exportCsv', {}],
      ] as const) {
        const result = await dispatch(core.handlers, method, input);
        expect(result.ok, method).toBe(true);
      }
    },
  );

  it('the CLI says "unknown" for a stored time that is not one', async () => {
    const { dataDir, leadId, core } = openSeeded();
    await dispatch(core.handlers, 'outcomes.log', { leadId, outcome: 'no_answer', at: AT });
    core.db.prepare('UPDATE tasks SET due_at = ?').run(9e15);
    core.close();

    const json = await dialdeck(dataDir, ['why', leadId, '--at', '2025-03-11T15:00:00Z']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ callable: false, callableAt: 9e15, callableAtIso: null });
    const human = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/main/cli/index.ts',
        '--data-dir',
        dataDir,
        'why',
        leadId,
        '--at',
        '2025-03-11T15:00:00Z',
      ],
      { encoding: 'utf8' },
    );
    expect(human.stderr).toBe('');
    expect(human.stdout).toContain('an unknown time');
    expect(human.stdout).not.toMatch(/Invalid|null/);
  });
});
