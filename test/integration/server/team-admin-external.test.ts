import { onExternalDatabase } from './on-databases';
import { checkTeamAdmin } from './team-admin-suite';

onExternalDatabase({
  what: 'team admin tools',
  behaviour:
    'lists leads by search, status, owner and page from the CLI, says when a do-not-contact value was listed already, and announces rotation changes live',
  check: (server) => checkTeamAdmin(server.url, server.adminToken),
});
