import { checkTeamDefinitions, checkTrialRules } from './definitions-suite';
import { onEmbeddedDatabase } from './on-databases';

onEmbeddedDatabase({
  what: 'team definitions',
  behaviour:
    'a manager writes scripts, cadences, the outcome set and the do-not-contact list; members read; later stamps win; every member pulls them',
  check: async (server) => {
    await checkTeamDefinitions(server.url, server.adminToken);
    await checkTrialRules(server.url, server.adminToken);
  },
});
