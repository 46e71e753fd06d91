import { TeamUsersOutput } from '@shared/server/admin';
import { useSession } from '../../app/session';
import { useReport } from '../boards/useReport';

export type TeamMember = TeamUsersOutput['users'][number];

/**
 * The signed-in manager's team members (`GET /v1/teams/:teamId/users`, oldest first, removed members
 * kept with `removedAt`), with `refresh` to read them again after a change.
 */
export const useMembers = () => {
  const teamId = useSession((state) => state.user?.teamId ?? '');
  const report = useReport(`/v1/teams/${teamId}/users`, TeamUsersOutput);
  return { ...report, teamId, members: report.data?.users ?? null };
};

/** The members who can own leads now: reps not removed, in the team's order. */
export const activeReps = (members: readonly TeamMember[] | null): TeamMember[] =>
  (members ?? []).filter((member) => member.role === 'rep' && member.removedAt === null);
