import { checkHandoffs } from './handoffs-suite';
import { onExternalDatabase } from './on-databases';

onExternalDatabase({
  what: 'hand-offs',
  behaviour:
    'routes MQLs round-robin, takes the AE decision to the lead and the rep, and applies the two-misses rule',
  check: (server) => checkHandoffs(server.url, server.adminToken, server.databaseUrl),
});
