import { join } from 'node:path';
import { afterAll, describe, inject, it } from 'vitest';
import {
  dropDatabases,
  freshDatabase,
  killServers,
  removeDirs,
  startServerProcess,
  stopServer,
  tempDir,
} from './server-process';
import { checkTwilio, startTwilioRestStandIn } from './twilio-suite';

afterAll(async () => {
  await killServers();
  await dropDatabases();
  removeDirs();
});

// Stands in for Twilio's cloud (see twilio-suite.ts): signed webhooks, and a local REST stand-in.
describe('Twilio on the built-in PostgreSQL', { timeout: 240_000 }, () => {
  it('access tokens, TwiML by local presence and consent, status callbacks once, forged signatures refused, voicemail drop', async () => {
    const rest = await startTwilioRestStandIn();
    // A fresh database on the run's one built-in PostgreSQL cluster (shared-cluster.ts).
    const databaseUrl = await freshDatabase(inject('sharedClusterUrl'));
    const server = await startServerProcess(['--database-url', databaseUrl], {
      // The secret key file is made in the server's data folder, as on the built-in cluster.
      DIALDECK_SERVER_DATA_DIR: join(tempDir('dialdeck-twilio-server-'), 'server'),
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
