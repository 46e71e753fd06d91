import { onEmbeddedDatabase } from './on-databases';
import { checkReports } from './reports-suite';

onEmbeddedDatabase({
  what: 'reports',
  behaviour:
    'counts the team board, trend, speed to lead, SLA and channel results, with CSV, for managers only',
  check: (server) => checkReports(server.url, server.adminToken, server.databaseUrl),
});
