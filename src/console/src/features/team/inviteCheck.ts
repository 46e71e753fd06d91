import type { TeamRole } from '@shared/server/admin';
import type { TeamMember } from './useMembers';

/**
 * The member an invitation of `email` as `role` would clash with: someone already on the team
 * (removed members too, as the server keeps their row) under another role, compared without regard
 * to case or spaces around the address. Null when the invitation can go ahead. The server refuses
 * the same case with `conflict`; checking here lets the console say it in its own words.
 */
export const memberWithOtherRole = (
  members: readonly TeamMember[] | null,
  email: string,
  role: TeamRole,
): TeamMember | null => {
  const wanted = email.trim().toLowerCase();
  return (
    (members ?? []).find((member) => member.email.toLowerCase() === wanted && member.role !== role) ?? null
  );
};
