import { checkAssignment } from './assignment-suite';
import { onExternalDatabase } from './on-databases';

onExternalDatabase({
  what: 'assignment',
  behaviour:
    'lists, searches and pages leads, reassigns one and many, keeps reps out of rotation, removes shifts, and refuses other roles and teams',
  check: (server) => checkAssignment(server.url, server.adminToken),
});
