import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TeamActivitiesOutput } from '@shared/server/activities';
import {
  AddUserOutput,
  CreateTeamOutput,
  RemoveUserOutput,
  ReplaceUserTokenOutput,
  RevokeUserTokensOutput,
  TeamUsersOutput,
} from '@shared/server/admin';
import { ImportLeadsOutput, TeamLeadsOutput } from '@shared/server/leads';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { AppError } from '../../../src/main/core/errors';
import { followTeamChanges, type LiveEvent } from '../../../src/main/core/sync/live';
import { tempDir } from '../cadence/helpers';
import { request } from './server-process';
import { type Cli, dialdeck, ok } from './sync-suite';

/** A CSV of `n` leads with distinct numbers and emails. */
const callList = (n: number, tag: string, from = 0): string => {
  const file = join(tempDir('dialdeck-users-csv-'), 'call-list.csv');
  const rows = Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const number = `+1312555${String(2000 + i).padStart(4, '0')}`;
    return `${tag} Lead ${i},${number},${tag.toLowerCase()}${i}@list.example,Company ${i % 3}`;
  });
  writeFileSync(file, `Name,Phone,Email,Company\n${rows.join('\n')}\n`);
  return file;
};

/** The ids of the team's leads a desktop store holds (demo leads left out). */
const leadIdsIn = (dataDir: string): string[] => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const ids = db.prepare('SELECT id FROM leads WHERE is_demo = 0 ORDER BY id').pluck().all() as string[];
  db.close();
  return ids;
};

const activityIdsIn = (dataDir: string): string[] => {
  const db = new Database(join(dataDir, 'dialdeck.sqlite'), { readonly: true });
  const ids = db.prepare('SELECT id FROM activities').pluck().all() as string[];
  db.close();
  return ids;
};

const refused = (run: Cli, code: string, exit = 1): void => {
  expect(run.error?.code, JSON.stringify(run)).toBe(code);
  expect(run.code).toBe(exit);
  expect(run.error?.message.length).toBeGreaterThan(20);
};

/**
 * A manager's hold on users and tokens through the built CLI: a removed rep's token (and open event
 * stream) stops at once, their leads go to the rep named (or to nobody) and reach that rep's desktop
 * with their history, what they pushed stays; tokens revoked and replaced; `admin leads list` by owner;
 * and every refusal by its code and exit status (unknown team, user and lead; another team's manager;
 * removing oneself; a removed user named again).
 */
export const checkUsersAndTokens = async (url: string, adminToken: string): Promise<void> => {
  const asAdmin = ['--server', url, '--token', adminToken];
  const team = async (name: string) =>
    CreateTeamOutput.parse(ok(await dialdeck(['admin', 'team', 'create', name, ...asAdmin])));
  const teamA = await team('Users A');
  const teamB = await team('Users B');
  const add = async (teamId: string, email: string, role: string) =>
    AddUserOutput.parse(
      ok(
        await dialdeck([
          'admin',
          'user',
          'add',
          '--team',
          teamId,
          '--email',
          email,
          '--role',
          role,
          ...asAdmin,
        ]),
      ),
    );
  const manager = await add(teamA.teamId, 'manager@users-a.example', 'manager');
  const leaver = await add(teamA.teamId, 'leaver@users-a.example', 'rep');
  const heir = await add(teamA.teamId, 'heir@users-a.example', 'rep');
  const managerB = await add(teamB.teamId, 'manager@users-b.example', 'manager');
  const asManager = ['--team', teamA.teamId, '--server', url, '--token', manager.token];

  const imported = ImportLeadsOutput.parse(
    ok(
      await dialdeck([
        'admin',
        'leads',
        'import',
        callList(6, 'Leaver'),
        '--assign',
        'leaver@users-a.example',
        ...asManager,
      ]),
    ),
  );
  expect(imported.assigned).toEqual({ [leaver.userId]: 6 });
  const listed = async (...extra: string[]) =>
    TeamLeadsOutput.parse(ok(await dialdeck(['admin', 'leads', 'list', ...asManager, ...extra]))).leads;
  const leaverLeads = await listed('--owner', 'leaver@users-a.example');
  expect(leaverLeads).toHaveLength(6);
  expect(
    leaverLeads.every((l) => l.ownerEmail === 'leaver@users-a.example' && l.phone?.startsWith('+1312555')),
  ).toBe(true);
  expect(await listed('--owner', heir.userId)).toEqual([]);

  // The leaver works from their desktop: their leads come down, an outcome with a note goes up.
  const leaverDesk = tempDir('dialdeck-users-leaver-');
  ok(await dialdeck(['--data-dir', leaverDesk, 'login', '--server', url, '--token', leaver.token]));
  ok(await dialdeck(['--data-dir', leaverDesk, 'sync']));
  const firstLead = leaverLeads[0]?.leadId ?? '';
  const logged = ok(
    await dialdeck([
      '--data-dir',
      leaverDesk,
      'log',
      firstLead,
      'no_answer',
      '--note',
      'Call back after the board meeting',
    ]),
  ) as { activityId: string };
  expect(ok(await dialdeck(['--data-dir', leaverDesk, 'sync']))).toMatchObject({ rejected: 0, pending: 0 });

  // Their live stream is open when the manager removes them.
  const events: LiveEvent[] = [];
  const controller = new AbortController();
  const stream = followTeamChanges(
    { server: url, token: leaver.token },
    { signal: controller.signal, onEvent: (event) => events.push(event) },
  );
  stream.catch(() => {});
  await expect.poll(() => events[0]?.kind, { timeout: 5_000 }).toBe('ready');

  // A manager may not remove themselves, nor hand the leads to the one removed or to a stranger.
  refused(
    await dialdeck(['admin', 'user', 'remove', 'manager@users-a.example', ...asManager]),
    'invalid_input',
    2,
  );
  refused(
    await dialdeck([
      'admin',
      'users',
      'remove',
      'leaver@users-a.example',
      '--reassign-to',
      'leaver@users-a.example',
      ...asManager,
    ]),
    'invalid_input',
    2,
  );
  refused(
    await dialdeck([
      'admin',
      'users',
      'remove',
      'leaver@users-a.example',
      '--reassign-to',
      'nobody@users-a.example',
      ...asManager,
    ]),
    'not_found',
  );
  // Another team's manager reaches nothing of team A.
  refused(
    await dialdeck([
      'admin',
      'user',
      'remove',
      leaver.userId,
      '--team',
      teamA.teamId,
      '--server',
      url,
      '--token',
      managerB.token,
    ]),
    'forbidden',
  );
  refused(
    await dialdeck([
      'admin',
      'leads',
      'list',
      '--team',
      teamA.teamId,
      '--server',
      url,
      '--token',
      managerB.token,
    ]),
    'forbidden',
  );
  // The rep was untouched by the refusals.
  expect((await request(url, 'GET', '/v1/me', leaver.token)).status).toBe(200);

  const removedAt = Date.now();
  const removed = RemoveUserOutput.parse(
    ok(
      await dialdeck([
        'admin',
        'users',
        'remove',
        'Leaver@Users-A.example',
        '--reassign-to',
        'heir@users-a.example',
        ...asManager,
      ]),
    ),
  );
  expect(removed).toMatchObject({
    userId: leaver.userId,
    email: 'leaver@users-a.example',
    tokensRevoked: 1,
    leads: { count: 6, reassignedTo: heir.userId },
  });
  // The open stream ends at once, with `revoked`; every request with the token is refused.
  await expect(
    Promise.race([stream.then(() => 'ended'), new Promise((done) => setTimeout(() => done('open'), 2_000))]),
  ).resolves.toBe('ended');
  expect(events.at(-1)?.kind).toBe('revoked');
  expect((await request(url, 'GET', '/v1/me', leaver.token)).status).toBe(401);
  refused(await dialdeck(['--data-dir', leaverDesk, 'sync']), 'unauthorized');
  const reopened = followTeamChanges(
    { server: url, token: leaver.token },
    { signal: new AbortController().signal, onEvent: () => {} },
  );
  await expect(reopened).rejects.toSatisfy(
    (error) => error instanceof AppError && error.code === 'unauthorized',
  );

  // Listed as removed; the leads are the heir's; what the leaver pushed is all still there.
  const { users } = TeamUsersOutput.parse(ok(await dialdeck(['admin', 'user', 'list', ...asManager])));
  const leaverRow = users.find((u) => u.userId === leaver.userId);
  expect(leaverRow?.removedAt).toBeGreaterThanOrEqual(removedAt);
  expect(users.find((u) => u.userId === heir.userId)?.removedAt).toBeNull();
  expect(await listed('--owner', 'leaver@users-a.example')).toEqual([]);
  const heirLeads = await listed('--owner', 'heir@users-a.example');
  expect(heirLeads.map((l) => l.leadId).sort()).toEqual(leaverLeads.map((l) => l.leadId).sort());
  const { activities } = TeamActivitiesOutput.parse(
    ok(await dialdeck(['admin', 'activities', ...asManager])),
  );
  expect(activities.find((a) => a.id === logged.activityId)).toMatchObject({
    userId: leaver.userId,
    leadId: firstLead,
    note: 'Call back after the board meeting',
  });

  // The heir's desktop pulls the leads with their history.
  const heirDesk = tempDir('dialdeck-users-heir-');
  ok(await dialdeck(['--data-dir', heirDesk, 'login', '--server', url, '--token', heir.token]));
  ok(await dialdeck(['--data-dir', heirDesk, 'sync']));
  expect(leadIdsIn(heirDesk)).toEqual(leaverLeads.map((l) => l.leadId).sort());
  expect(activityIdsIn(heirDesk)).toContain(logged.activityId);

  // The removed user is named again: refused by name, never mistaken for a stranger.
  refused(
    await dialdeck(['admin', 'user', 'remove', 'leaver@users-a.example', ...asManager]),
    'user_removed',
  );
  refused(await dialdeck(['admin', 'user', 'token', 'replace', leaver.userId, ...asManager]), 'user_removed');
  refused(
    await dialdeck(['admin', 'leads', 'assign', firstLead, '--to', 'leaver@users-a.example', ...asManager]),
    'user_removed',
  );
  refused(
    await dialdeck([
      'admin',
      'leads',
      'import',
      callList(1, 'Late', 200),
      '--assign',
      'leaver@users-a.example',
      ...asManager,
    ]),
    'user_removed',
  );
  // Round-robin skips the removed rep: the one rep left takes every new lead.
  const roundRobin = ImportLeadsOutput.parse(
    ok(await dialdeck(['admin', 'leads', 'import', callList(3, 'Fresh', 100), ...asManager])),
  );
  expect(roundRobin.assigned).toEqual({ [heir.userId]: 3 });

  // Tokens: revoking signs the heir out everywhere; replacing gives one working token.
  const revoked = RevokeUserTokensOutput.parse(
    ok(await dialdeck(['admin', 'user', 'token', 'revoke', 'heir@users-a.example', ...asManager])),
  );
  expect(revoked).toEqual({ userId: heir.userId, tokensRevoked: 1 });
  expect((await request(url, 'GET', '/v1/me', heir.token)).status).toBe(401);
  const replaced = ReplaceUserTokenOutput.parse(
    ok(await dialdeck(['admin', 'user', 'token', 'replace', 'heir@users-a.example', ...asManager])),
  );
  expect(replaced).toMatchObject({ userId: heir.userId, tokensRevoked: 0 });
  expect((await request(url, 'GET', '/v1/me', replaced.token)).body).toMatchObject({ userId: heir.userId });
  const again = ReplaceUserTokenOutput.parse(
    ok(await dialdeck(['admin', 'user', 'token', 'replace', heir.userId, ...asManager])),
  );
  expect(again.tokensRevoked).toBe(1);
  expect((await request(url, 'GET', '/v1/me', replaced.token)).status).toBe(401);
  expect((await request(url, 'GET', '/v1/me', again.token)).status).toBe(200);

  // Removed without an heir, the leads stay with the team, unassigned.
  const unassigned = RemoveUserOutput.parse(
    ok(await dialdeck(['admin', 'user', 'remove', 'heir@users-a.example', ...asManager])),
  );
  expect(unassigned.leads).toEqual({ count: 9, reassignedTo: null });
  const all = await listed();
  expect(all).toHaveLength(9);
  expect(all.every((l) => l.ownerId === null && l.ownerEmail === null)).toBe(true);

  // Unknown ids and emails are `not_found`; a malformed team id is bad input; no failure is `internal`.
  const unknownTeam = '0190b5a4-0000-7000-8000-000000000000';
  const asAdminOn = (teamId: string) => ['--team', teamId, ...asAdmin];
  refused(await dialdeck(['admin', 'user', 'list', ...asAdminOn(unknownTeam)]), 'not_found');
  refused(await dialdeck(['admin', 'leads', 'list', ...asAdminOn(unknownTeam)]), 'not_found');
  refused(await dialdeck(['admin', 'activities', ...asAdminOn(unknownTeam)]), 'not_found');
  refused(
    await dialdeck(['admin', 'user', 'remove', 'ghost@users-a.example', ...asAdminOn(teamA.teamId)]),
    'not_found',
  );
  refused(
    await dialdeck(['admin', 'user', 'token', 'revoke', unknownTeam, ...asAdminOn(teamA.teamId)]),
    'not_found',
  );
  refused(
    await dialdeck([
      'admin',
      'leads',
      'list',
      '--owner',
      'ghost@users-a.example',
      ...asAdminOn(teamA.teamId),
    ]),
    'not_found',
  );
  refused(
    await dialdeck(['admin', 'leads', 'assign', unknownTeam, '--to', 'nobody', ...asAdminOn(teamA.teamId)]),
    'not_found',
  );
  refused(await dialdeck(['admin', 'user', 'list', ...asAdminOn('not-a-team')]), 'invalid_input', 2);
  refused(
    await dialdeck([
      'admin',
      'user',
      'list',
      '--team',
      teamA.teamId,
      '--server',
      url,
      '--token',
      'ddk_wrong',
    ]),
    'unauthorized',
  );
  refused(
    await dialdeck([
      'admin',
      'user',
      'list',
      '--team',
      teamA.teamId,
      '--server',
      'http://127.0.0.1:9',
      '--token',
      adminToken,
    ]),
    'server_unreachable',
  );
  controller.abort();
};
