import { afterAll, describe, it } from 'vitest';
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
    const server = await startServerProcess(['--database-url', databaseUrl], {
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
});
