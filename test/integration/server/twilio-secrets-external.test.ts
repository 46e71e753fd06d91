import { onExternalDatabase } from './on-databases';
import { checkTwilioSecrets, newSecretKey } from './twilio-secrets-suite';

// Several processes over one DATABASE_URL share the key through DIALDECK_SECRET_KEY.
const key = newSecretKey();

onExternalDatabase({
  what: 'Twilio secrets at rest',
  behaviour:
    'keeps the secrets encrypted under DIALDECK_SECRET_KEY, reads older plain rows and encrypts them on the next write, and names a missing or wrong key',
  env: { DIALDECK_SECRET_KEY: key },
  check: (server) => checkTwilioSecrets(server.url, server.adminToken, server.databaseUrl, { env: key }),
});
