import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import {
  embeddedDatabaseUrl,
  killServers,
  removeDirs,
  startServerProcess,
  stopServer,
  tempDir,
} from './server-process';
import { checkTwilio, startTwilioRestStandIn } from './twilio-suite';

afterAll(async () => {
  await killServers();
  removeDirs();
});

// Stands in for Twilio's cloud (see twilio-suite.ts): signed webhooks, and a local REST stand-in.
describe('Twilio on the built-in PostgreSQL', { timeout: 240_000 }, () => {
  it('access tokens, TwiML by local presence and consent, status callbacks once, forged signatures refused, voicemail drop', async () => {
    const rest = await startTwilioRestStandIn();
    const dataDir = join(tempDir('dialdeck-twilio-server-'), 'server');
    const server = await startServerProcess(['--data-dir', dataDir], {
      DIALDECK_SERVER_TEST_ROUTES: '1',
      DIALDECK_SERVER_TEST_TWILIO_API: rest.origin,
    });
    try {
      await checkTwilio(server.url, server.adminToken ?? '', embeddedDatabaseUrl(dataDir), rest);
    } finally {
      await stopServer(server);
      await rest.close();
    }
  });
});
