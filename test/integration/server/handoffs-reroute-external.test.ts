import { checkHandoffReroute } from './handoffs-reroute-suite';
import { onExternalDatabase } from './on-databases';

onExternalDatabase({
  what: 'hand-off re-routing',
  behaviour:
    "re-routes a removed AE's open hand-offs round-robin with a fresh 48-hour window, tells the rep, and keeps them waiting when no AE is left",
  check: (server) => checkHandoffReroute(server.url, server.adminToken, server.databaseUrl),
});
