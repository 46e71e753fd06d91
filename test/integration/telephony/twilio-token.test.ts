import { randomBytes } from 'node:crypto';
import { AddUserOutput, CreateTeamOutput } from '@shared/server/admin';
import { afterAll, describe, expect, it } from 'vitest';
import { openHarness, utc } from '../cadence/helpers';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  request,
  startServerProcess,
  stopServer,
} from '../server/server-process';

// The desktop's Twilio token, end to end: the core signed in to a real team server (Debian's
// PostgreSQL, TEST_DATABASE_URL) asks it for a Voice access token, so the renderer never holds the
// server token. Twilio's cloud is not involved: the server mints the JWT itself.
const adminUrl = externalDatabase();
const T = utc('2026-03-02T15:00:00Z');
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

describe.skipIf(adminUrl === null)(
  'telephony.twilioToken against the team server',
  { timeout: 120_000 },
  () => {
    it("says twilio_not_configured before the manager's set-up, then answers the rep's own access token", async () => {
      const server = await startServerProcess(['--database-url', await freshDatabase(adminUrl ?? '')]);
      try {
        const team = CreateTeamOutput.parse(
          (await request(server.url, 'POST', '/v1/teams', server.adminToken ?? '', { name: 'Calling team' }))
            .body,
        );
        const add = async (email: string, role: string) =>
          AddUserOutput.parse(
            (
              await request(server.url, 'POST', `/v1/teams/${team.teamId}/users`, server.adminToken ?? '', {
                email,
                role,
              })
            ).body,
          );
        const manager = await add('manager@calling.example', 'manager');
        const rep = await add('rep@calling.example', 'rep');

        const { call, fail } = await openHarness(T);
        await call('sync.signIn', { server: server.url, token: rep.token });
        expect((await fail('telephony.twilioToken', {})).code).toBe('twilio_not_configured');

        const set = await request(server.url, 'PUT', `/v1/teams/${team.teamId}/twilio`, manager.token, {
          accountSid: `AC${hex(16)}`,
          apiKeySid: `SK${hex(16)}`,
          apiKeySecret: hex(16),
          authToken: hex(16),
          twimlAppSid: `AP${hex(16)}`,
          callerId: '+13125550100',
          webhookBaseUrl: 'https://dialer.example.com',
        });
        expect(set.status, JSON.stringify(set.body)).toBe(200);

        const before = Date.now();
        const answer = await call('telephony.twilioToken', {});
        expect(answer.identity).toBe(rep.userId);
        expect(answer.expiresAt).toBeGreaterThan(before + 59 * 60_000);
        const [, payload = ''] = answer.token.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
          grants: { identity: string; voice: { outgoing: { application_sid: string } } };
        };
        expect(claims.grants.identity).toBe(rep.userId);
        expect(claims.grants.voice.outgoing.application_sid).toMatch(/^AP[0-9a-f]{32}$/);
      } finally {
        await stopServer(server);
      }
    });
  },
);
