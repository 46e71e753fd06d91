import type { TeamRole } from '@shared/server/admin';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import { LeadsPage } from '../features/assignment/LeadsPage';
import { RotationPage } from '../features/assignment/RotationPage';
import { ChannelsPage } from '../features/boards/ChannelsPage';
import { SlaPage } from '../features/boards/SlaPage';
import { SpeedToLeadPage } from '../features/boards/SpeedToLeadPage';
import { TeamBoardPage } from '../features/boards/TeamBoardPage';
import { DEFINITION_PAGES } from '../features/definitions/pages';
import { InboxPage } from '../features/inbox/InboxPage';
import { MembersPage } from '../features/team/MembersPage';
import { SessionsPage } from '../features/team/SessionsPage';

/**
 * The nav's sections, in the order they are shown: the AE's hand-offs, then the manager's reports
 * (read), team (who works which lead, when), playbook (what every rep's desktop says and does).
 */
export const CONSOLE_NAV_GROUPS = ['handoffs', 'reports', 'team', 'playbook'] as const;
export type ConsoleNavGroup = (typeof CONSOLE_NAV_GROUPS)[number];

/**
 * One page of the signed-in console: its address under `/console`, the roles that may open it (the
 * server checks the same roles on every read the page makes), its nav section and title, and its component.
 * A new board is one more entry here.
 */
export type ConsolePage = {
  path: string;
  group: ConsoleNavGroup;
  roles: readonly TeamRole[];
  title: (t: TFunction) => string;
  Component: ComponentType;
};

export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    path: '/inbox',
    group: 'handoffs',
    roles: ['ae'],
    title: (t) => t('console.nav.inbox'),
    Component: InboxPage,
  },
  {
    path: '/team/board',
    group: 'reports',
    roles: ['manager'],
    title: (t) => t('console.nav.board'),
    Component: TeamBoardPage,
  },
  {
    path: '/team/speed-to-lead',
    group: 'reports',
    roles: ['manager'],
    title: (t) => t('console.nav.speedToLead'),
    Component: SpeedToLeadPage,
  },
  {
    path: '/team/sla',
    group: 'reports',
    roles: ['manager'],
    title: (t) => t('console.nav.sla'),
    Component: SlaPage,
  },
  {
    path: '/team/channels',
    group: 'reports',
    roles: ['manager'],
    title: (t) => t('console.nav.channels'),
    Component: ChannelsPage,
  },
  {
    path: '/team/leads',
    group: 'team',
    roles: ['manager'],
    title: (t) => t('console.nav.leads'),
    Component: LeadsPage,
  },
  {
    path: '/team/rotation',
    group: 'team',
    roles: ['manager'],
    title: (t) => t('console.nav.rotation'),
    Component: RotationPage,
  },
  {
    path: '/team/members',
    group: 'team',
    roles: ['manager'],
    title: (t) => t('console.nav.members'),
    Component: MembersPage,
  },
  {
    path: '/team/sessions',
    group: 'team',
    roles: ['manager'],
    title: (t) => t('console.nav.sessions'),
    Component: SessionsPage,
  },
  ...DEFINITION_PAGES,
];

/** The pages `role` may open, in nav order (the first is the role's home page). */
export const pagesFor = (role: TeamRole): ConsolePage[] =>
  CONSOLE_PAGES.filter((page) => page.roles.includes(role));

/** `pages` by nav section, in section order; a section with none of them is left out. */
export const navSections = (
  pages: readonly ConsolePage[],
): { group: ConsoleNavGroup; pages: ConsolePage[] }[] =>
  CONSOLE_NAV_GROUPS.map((group) => ({ group, pages: pages.filter((page) => page.group === group) })).filter(
    (section) => section.pages.length > 0,
  );

/** The page at `path` for `role`: the page, `forbidden` (another role's), or `unknown`. */
export const pageAt = (
  path: string,
  role: TeamRole,
): { kind: 'page'; page: ConsolePage } | { kind: 'forbidden' } | { kind: 'unknown' } => {
  const page = CONSOLE_PAGES.find((candidate) => candidate.path === path);
  if (!page) return { kind: 'unknown' };
  return page.roles.includes(role) ? { kind: 'page', page } : { kind: 'forbidden' };
};
