import { checkTeamDefinitionsReachDesktops } from './desktop-definitions-suite';
import { onExternalDatabase } from './on-databases';

onExternalDatabase({
  what: 'team definitions',
  behaviour:
    "a manager's edited script, cadence and do-not-contact number reach a rep's desktop on its next sync, read-only there; a reassigned lead leaves one rep's desktop and reaches the other's",
  check: ({ url, adminToken }) => checkTeamDefinitionsReachDesktops(url, adminToken),
});
