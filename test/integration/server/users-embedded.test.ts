import { onEmbeddedDatabase } from './on-databases';
import { checkUsersAndTokens } from './users-suite';

onEmbeddedDatabase({
  what: 'users and tokens',
  behaviour:
    'removes a rep at once, hands their leads on, revokes and replaces tokens, and names every refusal',
  check: (server) => checkUsersAndTokens(server.url, server.adminToken),
});
