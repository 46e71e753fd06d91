import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dropDatabases,
  externalDatabase,
  freshDatabase,
  killServers,
  startServerProcess,
  stopServer,
} from './server-process';
import { checkTwilio, startTwilioRestStandIn } from './twilio-suite';

// Debian's PostgreSQL (TEST_DATABASE_URL, set by .ci/run); skipped without it outside CI.
const adminUrl = externalDatabase();

afterAll(async () => {
  await killServers();
  await dropDatabases();
});

// Stands in for Twilio's cloud (see twilio-suite.ts): signed webhooks, and a local REST stand-in.
describe.skipIf(adminUrl === null)('Twilio on an external PostgreSQL', { timeout: 240_000 }, () => {
  it('access tokens, TwiML by local presence and consent, status callbacks once, forged signatures refused, voicemail drop', async () => {
    const rest = await startTwilioRestStandIn();
    const databaseUrl = await freshDatabase(adminUrl ?? '');
    // The secrets are encrypted under this key (else a key file in the default data folder).
    const server = await startServerProcess(['--database-url', databaseUrl], {
      DIALDECK_SECRET_KEY: randomBytes(32).toString('base64'),
      DIALDECK_SERVER_TEST_ROUTES: '1',
      DIALDECK_SERVER_TEST_TWILIO_API: rest.origin,
    });
    try {
      await checkTwilio(server.url, server.adminToken ?? '', databaseUrl, rest);
    } finally {
      await stopServer(server);
      await rest.close();
    }
  });

  it('limits webhook requests per client address, before any signature is checked', async () => {
    const server = await startServerProcess(['--database-url', await freshDatabase(adminUrl ?? '')], {
      DIALDECK_SERVER_TWILIO_WEBHOOK_LIMIT: '3',
    });
    try {
      const forged = () =>
        fetch(new URL('/v1/twilio/status', server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
          body: 'CallSid=CA00000000000000000000000000000000&CallStatus=completed',
        });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await forged()).status);
      expect(statuses).toEqual([403, 403, 403, 429]);
      const limited = await forged();
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    } finally {
      await stopServer(server);
    }
  });
});
