import { CONSOLE_SUITE_ROUTE_LIMIT, checkConsoleSessions } from './console-suite';
import { onEmbeddedDatabase } from './on-databases';

onEmbeddedDatabase({
  what: 'console sessions',
  behaviour: 'serves the console, and signs in, out and is revoked only as its rules say',
  check: (server) => checkConsoleSessions(server.url, server.adminToken),
  env: { DIALDECK_SERVER_TOKEN_ROUTE_LIMIT: String(CONSOLE_SUITE_ROUTE_LIMIT) },
});
