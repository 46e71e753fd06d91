import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TeamActivitiesOutput } from '@shared/server/activities';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { ImportLeadsOutput } from '@shared/server/leads';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { AppError } from '../../../src/main/core/errors';
import { acknowledge } from '../../../src/main/core/sync/outbox-rows';
import { tempDir } from '../cadence/helpers';
import { outboundLead } from '../cli-run';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  removeDirs,
  request,
  startServerProcess,
  stopServer,
} from './server-process';
import { dialdeck, ok } from './sync-suite';

// Debian's PostgreSQL when TEST_DATABASE_URL is set, else the built-in one.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
  removeDirs();
});

/** A CSV of `n` leads named `tag 0…`, with numbers and emails of their own. */
const callList = (n: number, tag: string, from: number): string => {
  const file = join(tempDir('dialdeck-switch-csv-'), 'call-list.csv');
  const rows = Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return `${tag} ${k},+1415555${String(3000 + i).padStart(4, '0')},${tag.toLowerCase()}${k}@switch.example,${tag} Corp`;
  });
  writeFileSync(file, `Name,Phone,Email,Company\n${rows.join('\n')}\n`);
  return file;
};

type Stored = { leads: { name: string; is_demo: number }[]; activities: number; accounts: string[] };

/** What a desktop store file holds: its leads (by name), activities and account names. */
const storeOf = (dataDir: string): Stored => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  try {
    return {
      leads: db.prepare('SELECT name, is_demo FROM leads ORDER BY name').all() as Stored['leads'],
      activities: db.prepare('SELECT count(*) FROM activities').pluck().get() as number,
      accounts: db.prepare('SELECT name FROM accounts ORDER BY name').pluck().all() as string[],
    };
  } finally {
    db.close();
  }
};

const teamLeadNames = (stored: Stored): string[] =>
  stored.leads.filter((l) => l.is_demo === 0).map((l) => l.name);

describe('signing a desktop in as another user', { timeout: 480_000 }, () => {
  it("clears the first user's synced leads and pull cursor, keeps the leads that never reached the server, and pulls only the new user's", async () => {
    const server = await startServerProcess(
      adminUrl
        ? ['--database-url', await freshDatabase(adminUrl)]
        : ['--data-dir', join(tempDir('dialdeck-switch-server-'), 'server')],
    );
    const url = server.url;
    const admin = server.adminToken ?? '';
    const team = async (name: string) =>
      CreateTeamOutput.parse((await request(url, 'POST', '/v1/teams', admin, { name })).body);
    const user = async (teamId: string, email: string, role = 'rep') =>
      AddUserOutput.parse(
        (await request(url, 'POST', `/v1/teams/${teamId}/users`, admin, { email, role })).body,
      );
    const importTo = async (teamId: string, email: string, file: string) =>
      ImportLeadsOutput.parse(
        ok(
          await dialdeck([
            'admin',
            'leads',
            'import',
            file,
            '--team',
            teamId,
            '--assign',
            email,
            '--server',
            url,
            '--token',
            admin,
          ]),
        ),
      );
    try {
      const teamA = await team('Switch A');
      const teamB = await team('Switch B');
      const first = await user(teamA.teamId, 'first@switch.example');
      const second = await user(teamA.teamId, 'second@switch.example');
      const other = await user(teamB.teamId, 'other@switch.example');
      await importTo(teamA.teamId, 'first@switch.example', callList(3, 'First', 0));
      await importTo(teamA.teamId, 'second@switch.example', callList(2, 'Second', 10));
      await importTo(teamB.teamId, 'other@switch.example', callList(2, 'Other', 20));

      const dataDir = tempDir('dialdeck-switch-desk-');
      const core = openCore({ dataDir, seedDemo: true });
      const demo = storeOf(dataDir).leads.filter((l) => l.is_demo === 1).length;
      expect(demo).toBeGreaterThan(0);
      const at = Date.now();
      core.leads.create(outboundLead('Pushed Local', '+14155559001'), { at });
      const refusedLead = core.leads.create(outboundLead('Refused Local', '+14155559002'), { at });
      // The server refused this lead's creation (as it answers a change it can never apply): it never
      // reached the server, so it is this desktop's alone.
      const refusedRow = core.db
        .prepare<[string], string>(
          "SELECT id FROM outbox WHERE name = 'lead.create' AND json_extract(args, '$.id') = ?",
        )
        .pluck()
        .get(refusedLead.id);
      acknowledge(
        core.db,
        [],
        [{ id: refusedRow ?? '', code: 'sync_mutation_invalid', message: 'refused' }],
        at,
      );

      await core.sync.signIn(url, first.token);
      expect((await core.sync.now()).state).toBe('online');
      const firstLeads = [...['First 0', 'First 1', 'First 2'], 'Pushed Local', 'Refused Local'].sort();
      expect(teamLeadNames(storeOf(dataDir))).toEqual(firstLeads);
      const firstLeadId = core.db
        .prepare<[], string>("SELECT id FROM leads WHERE name = 'First 0'")
        .pluck()
        .get();
      ok(
        await dialdeck(['--data-dir', dataDir, 'log', firstLeadId ?? '', 'no_answer', '--note', 'Try at 9']),
      );
      expect(await core.sync.now()).toMatchObject({ state: 'online', pending: 0 });
      expect(storeOf(dataDir).accounts).toContain('First Corp');

      // A change of the first user waits: the switch is refused and nothing is cleared.
      ok(
        await dialdeck(['--data-dir', dataDir, 'log', firstLeadId ?? '', 'voicemail', '--note', 'Left one']),
      );
      await expect(core.sync.signIn(url, second.token)).rejects.toSatisfy(
        (error) => error instanceof AppError && error.code === 'sync_other_user',
      );
      expect(teamLeadNames(storeOf(dataDir))).toEqual(firstLeads);
      expect(await core.sync.now()).toMatchObject({ state: 'online', pending: 0 });

      // Synced: the second user signs in, and the first one's leads leave at once, before any pull.
      const activitiesBefore = storeOf(dataDir).activities;
      await core.sync.signIn(url, second.token);
      const cleared = storeOf(dataDir);
      expect(teamLeadNames(cleared)).toEqual(['Refused Local']);
      expect(cleared.leads.filter((l) => l.is_demo === 1)).toHaveLength(demo);
      expect(cleared.activities).toBeLessThan(activitiesBefore);
      expect(cleared.accounts).not.toContain('First Corp');
      expect(
        core.db.prepare("SELECT value FROM settings WHERE key = 'sync.pullCursor'").pluck().get() ?? 'null',
      ).toBe('null');
      // The pull brings the second user's leads only, from the start (the next sync pushes their
      // enrollment on the cadence, which the pull started).
      expect((await core.sync.now()).state).toBe('online');
      expect(await core.sync.now()).toMatchObject({ state: 'online', pending: 0 });
      expect(teamLeadNames(storeOf(dataDir))).toEqual(['Refused Local', 'Second 0', 'Second 1']);
      core.close();

      // Nothing the first user logged is lost: the server holds both outcomes and their pushed lead.
      const { activities } = TeamActivitiesOutput.parse(
        ok(
          await dialdeck(['admin', 'activities', '--team', teamA.teamId, '--server', url, '--token', admin]),
        ),
      );
      expect(
        activities
          .filter((a) => a.userId === first.userId)
          .map((a) => a.note)
          .sort(),
      ).toEqual(['Left one', 'Try at 9']);

      // The CLI's login does the same and says what it cleared and what it kept; the same user again clears nothing.
      const switched = ok(
        await dialdeck(['--data-dir', dataDir, 'login', '--server', url, '--token', other.token]),
      ) as { previousUser?: unknown };
      expect(switched.previousUser).toEqual({
        from: second.userId,
        clearedLeads: 2,
        keptLocalLeads: demo + 1,
      });
      const again = ok(
        await dialdeck(['--data-dir', dataDir, 'login', '--server', url, '--token', other.token]),
      ) as { previousUser?: unknown };
      expect(again.previousUser).toBeUndefined();
      ok(await dialdeck(['--data-dir', dataDir, 'sync']));
      expect(teamLeadNames(storeOf(dataDir))).toEqual(['Other 0', 'Other 1', 'Refused Local']);
    } finally {
      await stopServer(server);
    }
  });
});
