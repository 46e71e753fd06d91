import { useSession } from '../../../app/session';

/** The signed-in manager's team's definitions address: `/v1/teams/:teamId`. */
export const useTeamBase = (): string => {
  const teamId = useSession((state) => state.user?.teamId ?? '');
  return `/v1/teams/${teamId}`;
};
