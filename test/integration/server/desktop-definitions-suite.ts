import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CadenceDefinition } from '@shared/domain/cadence';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { AssignLeadOutput, ImportLeadsOutput } from '@shared/server/leads';
import { expect } from 'vitest';
import { type Core, openCore } from '../../../src/main/core';
import { NEW_LEAD_CADENCE, NEW_LEAD_CADENCE_ID } from '../../../src/main/core/cadence/defaults';
import { AppError } from '../../../src/main/core/errors';
import { BUILTIN_SCRIPTS } from '../../../src/main/core/scripts/defaults';
import { tempDir } from '../cadence/helpers';
import { request } from './server-process';
import { dialdeck, ok } from './sync-suite';

/** A desktop core on a data folder of its own, signed in to the server with `token`, all synced. */
const signedInDesktop = async (url: string, token: string, name: string): Promise<Core> => {
  const core = openCore({ dataDir: tempDir(`dialdeck-defs-${name}-`) });
  await core.sync.signIn(url, token);
  // The first sync pulls the leads and puts them on their cadence; the second pushes those enrollments.
  expect((await core.sync.now()).state).toBe('online');
  expect(await core.sync.now()).toMatchObject({ state: 'online', pending: 0 });
  return core;
};

const leadIdsOf = (core: Core): string[] =>
  core.db.prepare<[], string>('SELECT id FROM leads WHERE is_demo = 0 ORDER BY name').pluck().all();

const liveEnrollment = (core: Core, leadId: string) =>
  core.db
    .prepare<[string], { state: string; finish_reason: string | null }>(
      'SELECT state, finish_reason FROM enrollments WHERE lead_id = ? ORDER BY started_at DESC LIMIT 1',
    )
    .get(leadId);

/**
 * A manager's desktop edits a team script and a cadence and adds a do-not-contact number, and pushes;
 * a rep's desktop has all three after its next sync (the number's lead leaves its cadence at once) and
 * may not edit them; the manager reassigns one of the rep's leads to another rep through
 * `POST /v1/teams/:teamId/leads/:leadId/assign`, and after their next syncs the first rep's desktop no
 * longer holds it while the other rep's does.
 */
export const checkTeamDefinitionsReachDesktops = async (url: string, adminToken: string): Promise<void> => {
  const { teamId } = CreateTeamOutput.parse(
    (await request(url, 'POST', '/v1/teams', adminToken, { name: 'Definitions' })).body,
  );
  const user = async (email: string, role: 'rep' | 'manager') =>
    AddUserOutput.parse(
      (await request(url, 'POST', `/v1/teams/${teamId}/users`, adminToken, { email, role })).body,
    );
  const manager = await user('manager@defs.example', 'manager');
  const rep = await user('rep@defs.example', 'rep');
  const other = await user('other@defs.example', 'rep');
  const csv = join(tempDir('dialdeck-defs-csv-'), 'call-list.csv');
  writeFileSync(
    csv,
    'Name,Phone,Email,Company\nAna Diaz,+14155550101,ana@defs.example,Acme\nBo Chen,+14155550102,bo@defs.example,Acme\nCy Dunn,+14155550103,cy@defs.example,Acme\n',
  );
  const imported = ImportLeadsOutput.parse(
    ok(
      await dialdeck([
        'admin',
        'leads',
        'import',
        csv,
        '--team',
        teamId,
        '--assign',
        'rep@defs.example',
        '--server',
        url,
        '--token',
        adminToken,
      ]),
    ),
  );
  expect(imported.assigned).toEqual({ [rep.userId]: 3 });

  const managerDesk = await signedInDesktop(url, manager.token, 'manager');
  const repDesk = await signedInDesktop(url, rep.token, 'rep');
  const otherDesk = await signedInDesktop(url, other.token, 'other');
  try {
    const [ana, bo, cy] = leadIdsOf(repDesk) as [string, string, string];
    expect(leadIdsOf(repDesk)).toHaveLength(3);
    expect(liveEnrollment(repDesk, bo)).toMatchObject({ state: 'active' });

    // The manager edits on their desktop and pushes.
    const builtinScript = BUILTIN_SCRIPTS[0];
    if (!builtinScript) throw new Error('no built-in script');
    const teamText = 'Hi {{firstName}}, {{repName}} from the team: one idea for {{company}}. {{repPhone}}.';
    await managerDesk.handlers['scripts.save']({ script: { ...builtinScript, body: teamText } });
    const cadence = CadenceDefinition.parse(NEW_LEAD_CADENCE);
    await managerDesk.handlers['cadences.save']({
      cadence: {
        ...cadence,
        name: 'New lead (team)',
        description: 'The team routine, as the manager set it.',
      },
    });
    await managerDesk.handlers['dnc.add']({
      entries: [{ kind: 'phone', value: '+14155550102' }],
      reason: 'Asked not to be called',
    });
    expect(await managerDesk.sync.now()).toMatchObject({ state: 'online', pending: 0, rejected: [] });

    // The rep's next sync brings all three, and open windows hear of them.
    const heard: string[] = [];
    const stop = repDesk.events.onAny((name, payload) =>
      heard.push(name === 'queue:changed' ? `queue:${(payload as { reason: string }).reason}` : name),
    );
    expect(await repDesk.sync.now()).toMatchObject({ state: 'online', role: 'rep' });
    stop();
    expect(heard).toEqual(expect.arrayContaining(['scripts:changed', 'queue:cadence', 'queue:dnc']));
    const scripts = await repDesk.handlers['scripts.list']({});
    expect(scripts.find((s) => s.id === builtinScript.id)).toMatchObject({ scope: 'team', body: teamText });
    const cadences = await repDesk.handlers['cadences.list']({});
    expect(cadences.find((c) => c.id === NEW_LEAD_CADENCE_ID)?.name).toBe('New lead (team)');
    expect((await repDesk.handlers['dnc.list']({})).map((e) => e.value)).toEqual(['+14155550102']);
    // Bo's number is off limits now: his cadence finished and he left the queue, as after a local add.
    expect(liveEnrollment(repDesk, bo)).toMatchObject({ state: 'finished', finish_reason: 'do_not_contact' });
    const queue = await repDesk.handlers['queue.list']({ limit: 20 });
    expect(queue.entries.map((e) => e.lead.id)).not.toContain(bo);
    // None of it went back to the server from the rep's desktop.
    const echoed = repDesk.db
      .prepare<[], string>(
        "SELECT name FROM outbox WHERE name IN ('script.put', 'cadence.put', 'dnc.add', 'outcomes.set')",
      )
      .pluck()
      .all();
    expect(echoed).toEqual([]);
    // The rep sees them read-only: the core refuses their edit by name.
    await expect(async () =>
      repDesk.handlers['scripts.save']({ script: { ...builtinScript, body: 'Mine, {{firstName}}.' } }),
    ).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'team_definition_read_only');

    // The manager reassigns Ana to the other rep: she leaves this rep's desktop and reaches theirs.
    const moved = await request(url, 'POST', `/v1/teams/${teamId}/leads/${ana}/assign`, manager.token, {
      to: 'other@defs.example',
    });
    expect(moved.status).toBe(200);
    expect(AssignLeadOutput.parse(moved.body)).toEqual({ leadId: ana, from: rep.userId, to: other.userId });
    expect(await repDesk.sync.now()).toMatchObject({ state: 'online', pending: 0 });
    expect(leadIdsOf(repDesk)).toEqual([bo, cy]);
    expect(await otherDesk.sync.now()).toMatchObject({ state: 'online' });
    expect(leadIdsOf(otherDesk)).toEqual([ana]);
    // The other rep's desktop has the team's definitions too.
    expect((await otherDesk.handlers['scripts.list']({})).find((s) => s.id === builtinScript.id)?.body).toBe(
      teamText,
    );
  } finally {
    managerDesk.close();
    repDesk.close();
    otherDesk.close();
  }
};
