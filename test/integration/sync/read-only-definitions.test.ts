import { rmSync } from 'node:fs';
import { CadenceDefinition } from '@shared/domain/cadence';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, openCore } from '../../../src/main/core';
import { NEW_LEAD_CADENCE } from '../../../src/main/core/cadence/defaults';
import { AppError } from '../../../src/main/core/errors';
import type { SyncCredentials, TokenStore } from '../../../src/main/core/sync/credentials';
import { tempDir } from '../cadence/helpers';

// While a data folder is signed in as a rep or an AE, the team's scripts, cadences, outcome set and
// do-not-contact removals are the manager's: the core refuses those edits with a named code, keeps
// personal scripts and DNC additions open, and signed out (solo use) nothing is refused.

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup) done();
  cleanup = [];
});

/** A token store signed in as `role` (null: signed out), held in memory. */
const signedInAs = (role: SyncCredentials['role'] | null): TokenStore => {
  let held: SyncCredentials | null =
    role === null
      ? null
      : {
          server: 'http://127.0.0.1:9',
          token: 'token',
          userId: '01966a1c-0000-7000-8000-0000000000a1',
          teamId: '01966a1c-0000-7000-8000-0000000000a2',
          teamName: 'Team',
          email: 'someone@team.example',
          role,
          signedInAt: 1,
        };
  return { read: () => held, write: (c) => (held = c), clear: () => (held = null) };
};

const open = (role: SyncCredentials['role'] | null): Core => {
  const dataDir = tempDir('dialdeck-read-only-');
  const core = openCore({ dataDir, tokens: signedInAs(role) });
  cleanup.push(() => {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return core;
};

/**
 * Whether `error` refuses an edit of this kind of team definition, with that kind in its params and
 * details, and advice that fits it: only a script's refusal suggests a personal script, and only the
 * DNC refusal says additions stay open.
 */
const refusedAs = (kind: 'script' | 'cadence' | 'outcomeSet' | 'dnc') => (error: unknown) =>
  error instanceof AppError &&
  error.code === 'team_definition_read_only' &&
  error.params?.kind === kind &&
  (error.details as { kind?: string } | undefined)?.kind === kind &&
  /personal script/.test(error.message) === (kind === 'script') &&
  /can still add/.test(error.message) === (kind === 'dnc') &&
  !(kind === 'dnc' && /read-only/.test(error.message));
const refusal = refusedAs('script');

const teamScript = {
  kind: 'opener' as const,
  scope: 'team' as const,
  name: 'Opener',
  body: 'Hi {{firstName}}.',
  language: 'en' as const,
};

describe('team definitions on a rep’s or an AE’s desktop', () => {
  it.each(['rep', 'ae'] as const)(
    'refuses a %s every edit of a team definition, and keeps personal scripts and DNC additions open',
    async (role) => {
      const core = open(role);
      const h = core.handlers;
      expect((await h['sync.status']({})).role).toBe(role);
      const outboxBefore = core.db.prepare('SELECT count(*) FROM outbox').pluck().get();
      const builtinTeam = (await h['scripts.list']({})).find((s) => s.scope === 'team');
      if (!builtinTeam) throw new Error('no team script');

      await expect(async () => h['scripts.save']({ script: teamScript })).rejects.toSatisfy(refusal);
      // Saving over a team script as a personal one is editing it too.
      await expect(async () =>
        h['scripts.save']({ script: { ...teamScript, id: builtinTeam.id, scope: 'personal' } }),
      ).rejects.toSatisfy(refusal);
      await expect(async () => h['scripts.delete']({ id: builtinTeam.id })).rejects.toSatisfy(refusal);
      const cadence = (await h['cadences.list']({}))[0];
      if (!cadence) throw new Error('no cadence');
      await expect(async () =>
        h['cadences.save']({ cadence: { ...CadenceDefinition.parse(NEW_LEAD_CADENCE), name: 'Mine' } }),
      ).rejects.toSatisfy(refusedAs('cadence'));
      await expect(async () => h['cadences.delete']({ id: cadence.id })).rejects.toSatisfy(
        refusedAs('cadence'),
      );
      await expect(async () =>
        h['cadences.import']({ json: JSON.stringify(NEW_LEAD_CADENCE) }),
      ).rejects.toSatisfy(refusedAs('cadence'));
      await expect(async () =>
        h['outcomes.update']({ id: 'no_answer', patch: { label: 'Nobody' } }),
      ).rejects.toSatisfy(refusedAs('outcomeSet'));
      await expect(async () =>
        h['outcomes.create']({
          id: 'wrong_person',
          label: 'Wrong person',
          status: 'working',
          transition: { action: 'next' },
          effect: 'none',
          connected: true,
        } as never),
      ).rejects.toSatisfy(refusedAs('outcomeSet'));
      // Nothing was written or recorded by the refused edits.
      expect(core.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(outboxBefore);
      expect((await h['scripts.list']({})).find((s) => s.id === builtinTeam.id)?.body).toBe(builtinTeam.body);
      expect((await h['outcomes.list']({})).find((o) => o.id === 'no_answer')?.label).not.toBe('Nobody');

      // Their own scripts and DNC additions stay theirs.
      const personal = await h['scripts.save']({ script: { ...teamScript, scope: 'personal' } });
      expect(personal.scope).toBe('personal');
      await h['scripts.delete']({ id: personal.id });
      const { added } = await h['dnc.add']({ entries: [{ kind: 'phone', value: '+12025550143' }] });
      expect(added).toHaveLength(1);
      await expect(async () => h['dnc.remove']({ id: added[0]?.id ?? '' })).rejects.toSatisfy(
        refusedAs('dnc'),
      );
      expect((await h['dnc.list']({})).map((e) => e.value)).toEqual(['+12025550143']);
    },
  );

  it.each([
    ['a manager', 'manager'],
    ['a solo user (signed out)', null],
  ] as const)('lets %s edit them', async (_who, role) => {
    const core = open(role);
    const h = core.handlers;
    expect((await h['sync.status']({})).role).toBe(role);
    const saved = await h['scripts.save']({ script: teamScript });
    expect(saved.scope).toBe('team');
    await h['scripts.delete']({ id: saved.id });
    expect((await h['outcomes.update']({ id: 'no_answer', patch: { label: 'Nobody' } })).label).toBe(
      'Nobody',
    );
    const cadence = await h['cadences.save']({
      cadence: { ...CadenceDefinition.parse(NEW_LEAD_CADENCE), id: undefined, name: 'Mine' },
    });
    await h['cadences.delete']({ id: cadence.id });
    const { added } = await h['dnc.add']({ entries: [{ kind: 'phone', value: '+12025550143' }] });
    await h['dnc.remove']({ id: added[0]?.id ?? '' });
    expect(await h['dnc.list']({})).toEqual([]);
  });
});
