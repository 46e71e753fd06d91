import { checkTeamDefinitions } from './definitions-suite';
import { onEmbeddedDatabase } from './on-databases';

onEmbeddedDatabase({
  what: 'team definitions',
  behaviour:
    'a manager writes scripts, cadences, the outcome set and the do-not-contact list; members read; later stamps win; every member pulls them',
  check: (server) => checkTeamDefinitions(server.url, server.adminToken),
});
