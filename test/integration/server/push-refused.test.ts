import { formatHlc } from '@shared/hlc';
import { TeamActivitiesOutput } from '@shared/server/activities';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { SYNC_PROTOCOL_VERSION } from '@shared/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core';
import { dispatch } from '../../../src/main/core/dispatch';
import { pushOutbox } from '../../../src/main/core/sync/client';
import { rejectedChanges } from '../../../src/main/core/sync/outbox-rows';
import { outboundLead } from '../cli-run';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  request,
  startServerProcess,
  stopServer,
  tempDir,
} from './server-process';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

const stamp = () => formatHlc({ wall: Date.now(), counter: 0 }, '00000000000000cc');

describe.skipIf(adminUrl === null)('a push the database refuses in part', { timeout: 120_000 }, () => {
  it('a note PostgreSQL cannot hold is rejected and kept on the desktop; the outcomes around it apply, and it never blocks the outbox', async () => {
    const server = await startServerProcess(['--database-url', await freshDatabase(adminUrl ?? '')]);
    try {
      const admin = server.adminToken ?? '';
      const team = CreateTeamOutput.parse(
        (await request(server.url, 'POST', '/v1/teams', admin, { name: 'Refused' })).body,
      );
      const rep = AddUserOutput.parse(
        (
          await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, admin, {
            email: 'rep@refused.example',
            role: 'rep',
          })
        ).body,
      );

      const dataDir = tempDir('dialdeck-refused-');
      const core = openCore({ dataDir });
      try {
        const lead = core.leads.create(outboundLead('Jo Park', '+12025550143'), { at: Date.now() }).id;
        const log = async (note: string) => {
          const result = await dispatch(core.handlers, 'outcomes.log', {
            leadId: lead,
            outcome: 'no_answer',
            note,
          });
          if (!result.ok) throw new Error(result.error.message);
          return (result.value as { activityId: string }).activityId;
        };
        const before = await log('Rang out');
        // Pasted from a PDF: a NUL character, which SQLite keeps and PostgreSQL's text cannot hold.
        const refused = await log('Pasted\u0000 from the brochure');
        const after = await log('Left the 20-second message');
        const credentials = {
          server: server.url,
          token: rep.token,
          userId: rep.userId,
          teamId: team.teamId,
          teamName: 'Refused',
          email: 'rep@refused.example',
          role: 'rep' as const,
          signedInAt: Date.now(),
        };
        const summary = await pushOutbox(core.db, credentials, { attempts: 1 });
        expect(summary).toMatchObject({ rejected: 1, pending: 0 });
        const rejected = rejectedChanges(core.db);
        expect(rejected.map((r) => [r.name, r.code])).toEqual([['outcome.log', 'sync_mutation_invalid']]);
        expect(rejected[0]?.message).toMatch(/refused the change "outcome\.log"/);
        const held = TeamActivitiesOutput.parse(
          (await request(server.url, 'GET', `/v1/teams/${team.teamId}/activities`, admin)).body,
        ).activities;
        expect(held.map((a) => a.id).sort()).toEqual([before, after].sort());
        expect(held.map((a) => a.id)).not.toContain(refused);
        // Never retried, and a new outcome goes through.
        const later = await log('Called back');
        expect(await pushOutbox(core.db, credentials, { attempts: 1 })).toMatchObject({
          pushed: 1,
          rejected: 0,
          pending: 0,
        });
        // Sent again by hand (an answer lost), the refused change is answered with the same rejection.
        const again = await request(server.url, 'POST', '/v1/sync/push', rep.token, {
          protocolVersion: SYNC_PROTOCOL_VERSION,
          mutations: [
            { id: rejected[0]?.id, name: 'outcome.log', args: { changes: [] }, hlc: rejected[0]?.hlc },
          ],
        });
        expect(again.body).toMatchObject({
          results: [{ id: rejected[0]?.id, status: 'rejected', code: 'sync_mutation_invalid' }],
        });
        const final = TeamActivitiesOutput.parse(
          (await request(server.url, 'GET', `/v1/teams/${team.teamId}/activities`, admin)).body,
        ).activities;
        expect(final.map((a) => a.id).sort()).toEqual([before, after, later].sort());
      } finally {
        core.close();
      }

      // One request carrying a mutation twice, and an id in capitals: each recorded once, answered in order.
      const skip = (id: string, activityId: string) => ({
        id,
        name: 'lead.skip',
        args: {
          id: activityId,
          leadId: '01966a1c-0000-7000-8000-0000000000f0',
          reason: 'not_a_fit',
          note: null,
          occurredAt: Date.now(),
        },
        hlc: stamp(),
      });
      const twice = skip('01966a1c-0000-7000-8000-0000000000f1', '01966a1c-0000-7000-8000-0000000000f2');
      const capitals = skip('01966A1C-0000-7000-8000-0000000000F3', '01966a1c-0000-7000-8000-0000000000f4');
      const pushed = await request(server.url, 'POST', '/v1/sync/push', rep.token, {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        mutations: [twice, twice, capitals],
      });
      expect(pushed.body).toMatchObject({
        results: [
          { id: twice.id, status: 'applied' },
          { id: twice.id, status: 'duplicate' },
          { id: capitals.id, status: 'applied' },
        ],
      });
      const repeated = await request(server.url, 'POST', '/v1/sync/push', rep.token, {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        mutations: [capitals],
      });
      expect(repeated.body).toMatchObject({ results: [{ id: capitals.id, status: 'duplicate' }] });
      const all = TeamActivitiesOutput.parse(
        (await request(server.url, 'GET', `/v1/teams/${team.teamId}/activities`, admin)).body,
      ).activities;
      expect(all).toHaveLength(5);
      expect(new Set(all.map((a) => a.changeVersion)).size).toBe(5);
    } finally {
      await stopServer(server);
    }
  });
});
