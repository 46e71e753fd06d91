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
import { checkTwilioSecrets } from './twilio-secrets-suite';

afterAll(async () => {
  await killServers();
  removeDirs();
});

// With no DIALDECK_SECRET_KEY the key is a file in the server's data folder, made on the first secret.
describe('Twilio secrets at rest on the built-in PostgreSQL', { timeout: 480_000 }, () => {
  it('keeps the secrets encrypted under a key file made 0600, reads older plain rows and encrypts them on the next write, and names a missing or wrong key', async () => {
    const dataDir = join(tempDir('dialdeck-secrets-server-'), 'server');
    const server = await startServerProcess(['--data-dir', dataDir], { DIALDECK_SECRET_KEY: '' });
    try {
      await checkTwilioSecrets(server.url, server.adminToken ?? '', embeddedDatabaseUrl(dataDir), {
        file: join(dataDir, 'secret-key'),
      });
    } finally {
      await stopServer(server);
    }
  });
});
