import './definitions.css';
import type { ConsolePage } from '../../pages/routes';
import { CadencesPage } from './components/CadencesPage';
import { DncPage } from './components/DncPage';
import { OutcomesPage } from './components/OutcomesPage';
import { ScriptsPage } from './components/ScriptsPage';

/** The manager's pages for the team's definitions, in nav order. */
export const DEFINITION_PAGES: readonly ConsolePage[] = [
  {
    path: '/team/scripts',
    group: 'playbook',
    roles: ['manager'],
    title: (t) => t('console.definitions.nav.scripts'),
    Component: ScriptsPage,
  },
  {
    path: '/team/cadences',
    group: 'playbook',
    roles: ['manager'],
    title: (t) => t('console.definitions.nav.cadences'),
    Component: CadencesPage,
  },
  {
    path: '/team/outcomes',
    group: 'playbook',
    roles: ['manager'],
    title: (t) => t('console.definitions.nav.outcomes'),
    Component: OutcomesPage,
  },
  {
    path: '/team/dnc',
    group: 'playbook',
    roles: ['manager'],
    title: (t) => t('console.definitions.nav.dnc'),
    Component: DncPage,
  },
];
