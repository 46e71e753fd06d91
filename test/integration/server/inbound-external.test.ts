import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInbound } from './inbound-suite';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  request,
  startServerProcess,
  stopServer,
} from './server-process';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

describe.skipIf(adminUrl === null)('inbound leads on an external PostgreSQL', { timeout: 240_000 }, () => {
  it('signed posts are routed round-robin to reps on shift, deduped, and forged, stale or replayed ones refused', async () => {
    const server = await startServerProcess(['--database-url', await freshDatabase(adminUrl ?? '')]);
    try {
      await checkInbound(server.url, server.adminToken ?? '');
    } finally {
      await stopServer(server);
    }
  });

  it('inbound posts are rate-limited per team, forged ones included', async () => {
    const server = await startServerProcess(['--database-url', await freshDatabase(adminUrl ?? '')], {
      DIALDECK_SERVER_INBOUND_LIMIT: '3',
    });
    try {
      const team = (await request(server.url, 'POST', '/v1/teams', server.adminToken ?? '', { name: 'Busy' }))
        .body as { teamId: string };
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const body = JSON.stringify({ name: `Lead ${i}`, email: `lead${i}@busy.example` });
        const timestamp = String(Math.floor(Date.now() / 1000));
        const response = await fetch(new URL('/v1/leads/inbound', server.url), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-dialdeck-team': team.teamId,
            'x-dialdeck-timestamp': timestamp,
            'x-dialdeck-signature': `v1=${createHmac('sha256', 'forged').update(`${timestamp}.${body}`).digest('hex')}`,
          },
          body,
        });
        statuses.push(response.status);
        if (i === 3) expect(await response.json()).toMatchObject({ error: { code: 'rate_limited' } });
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await stopServer(server);
    }
  });
});
