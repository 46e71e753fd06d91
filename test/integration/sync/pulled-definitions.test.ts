import { CadenceDefinition } from '@shared/domain/cadence';
import type { PulledChange } from '@shared/sync/pull';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { NEW_LEAD_CADENCE, NEW_LEAD_CADENCE_ID } from '../../../src/main/core/cadence/defaults';
import { BUILTIN_SCRIPTS } from '../../../src/main/core/scripts/defaults';
import { writeNow } from '../../../src/main/core/store/write-lock';
import { applyPulledPage } from '../../../src/main/core/sync/pulled';
import { announceDefinitions } from '../../../src/main/core/sync/pulled/announce';
import { createPulledDefinitions } from '../../../src/main/core/sync/pulled/definitions';
import { outboundLead } from '../cli-run';
import { freshCore } from '../imports/helpers';

// The team's definitions pulled into a real store file: scripts, cadences, the outcome set and the
// do-not-contact list applied without outbox rows, idempotently, last writer wins against a local
// edit still waiting to be pushed, and the queue follows as it does after the same local edit.

let cleanup: (() => void)[] = [];
const open = (): Core => {
  const fresh = freshCore();
  cleanup.push(fresh.done);
  return fresh.core;
};
afterEach(() => {
  for (const done of cleanup) done();
  cleanup = [];
});

const MANAGER = '01966a1c-0000-7000-8000-0000000000b1';
const TEAM_SCRIPT = '01966a1c-0000-7000-8000-0000000000d1';
const TEAM_CADENCE = '01966a1c-0000-7000-8000-0000000000d2';
const DNC_ID = '01966a1c-0000-7000-8000-0000000000d3';

const outboxNames = (core: Core): string[] =>
  core.db.prepare<[], string>('SELECT name FROM outbox ORDER BY seq').pluck().all();

/** Applies a page through the core's queue, as the sync does, and tells the windows. */
const pull = (core: Core, changes: PulledChange[], at = Date.now()) => {
  const definitions = createPulledDefinitions(core.dialing);
  const page = writeNow(core.db, () => applyPulledPage(core.db, changes, at, definitions));
  if (page.definitions) announceDefinitions(core.events, page.definitions);
  return page;
};

const scriptChange = (version: number, over: Record<string, unknown> = {}): PulledChange => ({
  version,
  kind: 'script',
  data: {
    id: TEAM_SCRIPT,
    kind: 'opener',
    name: 'Team opener',
    body: 'Hi {{firstName}}, this is {{repName}} from the team.',
    language: 'en',
    updatedAt: 2_000_000_000_000,
    updatedBy: MANAGER,
    deleted: false,
    ...over,
  } as Extract<PulledChange, { kind: 'script' }>['data'],
});

/** A lead on the built-in new-lead cadence, with its first call task open. */
const enrolledLead = (core: Core, name: string, e164: string, email: string | null = null) => {
  const lead = core.leads.create(outboundLead(name, e164, { email }), { at: Date.now() });
  writeNow(core.db, () => core.dialing.enrollNewLeads([lead.id]));
  const enrollment = core.dialing.svc.leads.liveEnrollment(lead.id);
  expect(enrollment?.cadence_id).toBe(NEW_LEAD_CADENCE_ID);
  return lead;
};

const enrollmentOf = (core: Core, leadId: string) =>
  core.db
    .prepare<[string], { state: string; finish_reason: string | null; step_id: string }>(
      'SELECT state, finish_reason, step_id FROM enrollments WHERE lead_id = ? ORDER BY started_at DESC LIMIT 1',
    )
    .get(leadId);
const openTasks = (core: Core, leadId: string) =>
  core.db
    .prepare<[string], { step_id: string | null; title: string }>(
      "SELECT step_id, title FROM tasks WHERE lead_id = ? AND state IN ('open', 'paused')",
    )
    .all(leadId);

describe('pulled team definitions', () => {
  it('writes a team script, shows the team text on a built-in id, archives a deleted one, and records nothing', async () => {
    const core = open();
    const heard: string[] = [];
    core.events.onAny((name) => heard.push(name));
    const before = outboxNames(core);
    const builtin = BUILTIN_SCRIPTS[0];
    if (!builtin) throw new Error('no built-in script');
    const page: PulledChange[] = [
      scriptChange(1),
      scriptChange(2, {
        id: builtin.id,
        kind: builtin.kind,
        name: 'Voicemail (team)',
        body: 'Hi {{firstName}}, the team version. {{repPhone}}.',
      }),
    ];
    const applied = pull(core, page);
    expect(applied).toMatchObject({ applied: 2, skipped: 0, definitions: { scripts: true } });
    expect(heard).toContain('scripts:changed');
    const scripts = await core.handlers['scripts.list']({});
    expect(scripts.find((s) => s.id === TEAM_SCRIPT)).toMatchObject({
      scope: 'team',
      name: 'Team opener',
      body: 'Hi {{firstName}}, this is {{repName}} from the team.',
    });
    expect(scripts.find((s) => s.id === builtin.id)).toMatchObject({
      scope: 'team',
      builtin: true,
      name: 'Voicemail (team)',
      body: 'Hi {{firstName}}, the team version. {{repPhone}}.',
    });
    expect(outboxNames(core)).toEqual(before);

    // The same page again (pulled twice after a crash): nothing changes, nothing is announced.
    const updatedAt = core.db.prepare('SELECT updated_at FROM scripts WHERE id = ?').pluck().get(TEAM_SCRIPT);
    heard.length = 0;
    expect(pull(core, page).definitions).toMatchObject({ scripts: false });
    expect(heard).toEqual([]);
    expect(core.db.prepare('SELECT updated_at FROM scripts WHERE id = ?').pluck().get(TEAM_SCRIPT)).toBe(
      updatedAt,
    );

    pull(core, [scriptChange(3, { deleted: true, updatedAt: 2_000_000_000_500 })]);
    const after = await core.handlers['scripts.list']({});
    expect(after.map((s) => s.id)).not.toContain(TEAM_SCRIPT);
    expect(outboxNames(core)).toEqual(before);
  });

  it("keeps a manager's unpushed edit stamped after the pulled script, and takes an older one's", async () => {
    const core = open();
    pull(core, [scriptChange(1, { updatedAt: 1_000 })]);
    // A manager's edit on this desktop, not pushed yet (its stamp is now, after the server's 1 000).
    await core.handlers['scripts.save']({
      script: {
        id: TEAM_SCRIPT,
        kind: 'opener',
        scope: 'team',
        name: 'Team opener',
        body: 'Edited here, {{firstName}}.',
        language: 'en',
      },
    });
    pull(core, [scriptChange(2, { updatedAt: 2_000, body: 'Older server text, {{firstName}}.' })]);
    expect(core.db.prepare('SELECT body FROM scripts WHERE id = ?').pluck().get(TEAM_SCRIPT)).toBe(
      'Edited here, {{firstName}}.',
    );
    // A later edit on the server (the console) wins over the waiting one.
    pull(core, [scriptChange(3, { updatedAt: Date.now() + 60_000, body: 'Console text, {{firstName}}.' })]);
    expect(core.db.prepare('SELECT body FROM scripts WHERE id = ?').pluck().get(TEAM_SCRIPT)).toBe(
      'Console text, {{firstName}}.',
    );
  });

  it('saves a pulled cadence, moves leads off a removed step, and finishes them when it is deleted', () => {
    const core = open();
    const lead = enrolledLead(core, 'Jo Park', '+12025550143');
    const before = outboxNames(core).length;
    const heard: unknown[] = [];
    core.events.on('queue:changed', (payload) => heard.push(payload));
    // The team's version of the new-lead cadence drops its first call step.
    const builtin = CadenceDefinition.parse(NEW_LEAD_CADENCE);
    const edited = { ...builtin, name: 'New lead (team)', steps: builtin.steps.slice(1) };
    const cadenceChange = (version: number, deleted = false): PulledChange => ({
      version,
      kind: 'cadence',
      data: { definition: edited, updatedAt: 2_000_000_000_000, updatedBy: MANAGER, deleted },
    });
    const team = { ...builtin, id: TEAM_CADENCE, name: 'Team cadence', rule: null, priority: 5 };
    const page: PulledChange[] = [
      cadenceChange(1),
      {
        version: 2,
        kind: 'cadence',
        data: { definition: team, updatedAt: 2_000_000_000_000, updatedBy: MANAGER, deleted: false },
      },
    ];
    expect(pull(core, page).definitions).toMatchObject({ cadences: true, leadIds: [lead.id] });
    const cadences = core.dialing.svc.cadences.list();
    expect(cadences.find((c) => c.id === NEW_LEAD_CADENCE_ID)?.name).toBe('New lead (team)');
    expect(cadences.find((c) => c.id === TEAM_CADENCE)?.steps).toHaveLength(builtin.steps.length);
    // The lead was on call-1, which the team removed: it moves on to the cadence's first step.
    expect(enrollmentOf(core, lead.id)).toMatchObject({ state: 'active', step_id: edited.steps[0]?.id });
    expect(openTasks(core, lead.id)).toEqual([
      expect.objectContaining({ step_id: edited.steps[0]?.id, title: edited.steps[0]?.title }),
    ]);
    expect(heard).toContainEqual({ leadIds: [lead.id], reason: 'cadence' });
    // No cadence.put went back; only the lead's own queue moves.
    const added = outboxNames(core).slice(before);
    expect(added).not.toContain('cadence.put');
    expect(added.every((name) => name === 'enrollment.put' || name === 'task.put')).toBe(true);

    // Pulled again: nothing moves.
    const count = outboxNames(core).length;
    const stamp = core.dialing.svc.cadences.get(NEW_LEAD_CADENCE_ID)?.updatedAt;
    expect(pull(core, page).definitions).toMatchObject({ cadences: false, leadIds: [] });
    expect(outboxNames(core)).toHaveLength(count);
    expect(core.dialing.svc.cadences.get(NEW_LEAD_CADENCE_ID)?.updatedAt).toBe(stamp);

    // Deleted by the manager: the lead's enrollment finishes as after a local deletion, its task stops.
    pull(core, [cadenceChange(3, true)]);
    expect(core.dialing.svc.cadences.list().map((c) => c.id)).not.toContain(NEW_LEAD_CADENCE_ID);
    expect(enrollmentOf(core, lead.id)).toMatchObject({
      state: 'finished',
      finish_reason: 'cadence_deleted',
    });
    expect(openTasks(core, lead.id)).toEqual([]);
    expect(outboxNames(core)).not.toContain('cadence.delete');
  });

  it('replaces the outcome set and keeps the built-ins it lacks', () => {
    const core = open();
    const outcomes = core.dialing.svc.outcomes
      .list()
      .filter((o) => o.id !== 'gatekeeper')
      .map((o) => (o.id === 'no_answer' ? { ...o, label: 'No pickup' } : o));
    const custom = {
      ...outcomes[0],
      id: 'wrong_person',
      label: 'Wrong person',
      builtin: false,
      position: 99,
    };
    const change: PulledChange = {
      version: 1,
      kind: 'outcomeSet',
      data: { outcomes: [...outcomes, custom] as never, updatedAt: 2_000_000_000_000 },
    };
    const before = outboxNames(core);
    expect(pull(core, [change]).definitions).toMatchObject({ outcomes: true });
    const list = core.dialing.svc.outcomes.list();
    expect(list.find((o) => o.id === 'no_answer')?.label).toBe('No pickup');
    expect(list.find((o) => o.id === 'wrong_person')?.label).toBe('Wrong person');
    expect(list.map((o) => o.id)).toContain('gatekeeper');
    expect(outboxNames(core)).toEqual(before);
    expect(pull(core, [change]).definitions).toMatchObject({ outcomes: false });
  });

  it("adds a do-not-contact entry that stops the lead's tasks at once, and removes one", async () => {
    const core = open();
    const lead = enrolledLead(core, 'Sam Reed', '+12025550188', 'sam@reed.example');
    const other = enrolledLead(core, 'Ana Cruz', '+12025550199');
    const before = outboxNames(core).length;
    const heard: unknown[] = [];
    core.events.on('queue:changed', (payload) => heard.push(payload));
    const entry = {
      id: DNC_ID,
      kind: 'phone' as const,
      value: '+12025550188',
      reason: 'Asked not to be called',
      leadId: null,
      createdAt: 2_000_000_000_000,
      addedBy: MANAGER,
    };
    const add: PulledChange = { version: 1, kind: 'dnc', data: { entry, removed: false } };
    expect(pull(core, [add]).definitions).toMatchObject({ dnc: true, leadIds: [lead.id] });
    expect(enrollmentOf(core, lead.id)).toMatchObject({ state: 'finished', finish_reason: 'do_not_contact' });
    expect(openTasks(core, lead.id)).toEqual([]);
    expect(openTasks(core, other.id)).toHaveLength(1);
    const queue = await core.handlers['queue.list']({ limit: 50 });
    expect(queue.entries.map((e) => e.lead.id)).not.toContain(lead.id);
    expect(heard).toContainEqual({ leadIds: [lead.id], reason: 'dnc' });
    expect((await core.handlers['dnc.list']({})).map((e) => e.value)).toEqual(['+12025550188']);
    expect(outboxNames(core).slice(before)).not.toContain('dnc.add');
    expect(pull(core, [add]).definitions).toMatchObject({ dnc: false });

    pull(core, [{ version: 2, kind: 'dnc', data: { entry, removed: true } }]);
    expect(await core.handlers['dnc.list']({})).toEqual([]);
    expect(outboxNames(core).slice(before)).not.toContain('dnc.remove');
  });

  it('applies definitions in a store opened without a core queue (its own engine)', () => {
    const core = open();
    const lead = enrolledLead(core, 'Lee Moss', '+12025550177');
    writeNow(core.db, () =>
      applyPulledPage(
        core.db,
        [
          {
            version: 1,
            kind: 'dnc',
            data: {
              entry: {
                id: DNC_ID,
                kind: 'phone',
                value: '+12025550177',
                reason: null,
                leadId: null,
                createdAt: 1,
                addedBy: null,
              },
              removed: false,
            },
          },
        ],
        Date.now(),
      ),
    );
    expect(enrollmentOf(core, lead.id)).toMatchObject({ state: 'finished', finish_reason: 'do_not_contact' });
  });
});
