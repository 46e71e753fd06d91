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
 * One page of the signed-in console: its address under `/console`, the roles that may open it (the
 * server checks the same roles on every read the page makes), its title in the nav and its component.
 * A new board is one more entry here.
 */
export type ConsolePage = {
  path: string;
  roles: readonly TeamRole[];
  title: (t: TFunction) => string;
  Component: ComponentType;
};

export const CONSOLE_PAGES: readonly ConsolePage[] = [
  { path: '/inbox', roles: ['ae'], title: (t) => t('console.nav.inbox'), Component: InboxPage },
  { path: '/team/board', roles: ['manager'], title: (t) => t('console.nav.board'), Component: TeamBoardPage },
  {
    path: '/team/speed-to-lead',
    roles: ['manager'],
    title: (t) => t('console.nav.speedToLead'),
    Component: SpeedToLeadPage,
  },
  { path: '/team/sla', roles: ['manager'], title: (t) => t('console.nav.sla'), Component: SlaPage },
  {
    path: '/team/channels',
    roles: ['manager'],
    title: (t) => t('console.nav.channels'),
    Component: ChannelsPage,
  },
  ...DEFINITION_PAGES,
  { path: '/team/leads', roles: ['manager'], title: (t) => t('console.nav.leads'), Component: LeadsPage },
  {
    path: '/team/rotation',
    roles: ['manager'],
    title: (t) => t('console.nav.rotation'),
    Component: RotationPage,
  },
  {
    path: '/team/members',
    roles: ['manager'],
    title: (t) => t('console.nav.members'),
    Component: MembersPage,
  },
  {
    path: '/team/sessions',
    roles: ['manager'],
    title: (t) => t('console.nav.sessions'),
    Component: SessionsPage,
  },
];

/** The pages `role` may open, in nav order. */
export const pagesFor = (role: TeamRole): ConsolePage[] =>
  CONSOLE_PAGES.filter((page) => page.roles.includes(role));

/** The page at `path` for `role`: the page, `forbidden` (another role's), or `unknown`. */
export const pageAt = (
  path: string,
  role: TeamRole,
): { kind: 'page'; page: ConsolePage } | { kind: 'forbidden' } | { kind: 'unknown' } => {
  const page = CONSOLE_PAGES.find((candidate) => candidate.path === path);
  if (!page) return { kind: 'unknown' };
  return page.roles.includes(role) ? { kind: 'page', page } : { kind: 'forbidden' };
};
