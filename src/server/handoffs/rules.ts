import { HANDOFF_SLA_MS } from '@shared/server/handoffs';

/**
 * The hand-off rules as pure functions (PLAYBOOK, "Hand-off rules"). Times are UTC epoch ms; a
 * "month" is a calendar month in UTC, written `YYYY-MM`.
 */

/** When an AE must have decided a hand-off the server received at `receivedAt`: 48 hours later. */
export const dueAtOf = (receivedAt: number): number => receivedAt + HANDOFF_SLA_MS;

/** The calendar month (UTC) a miss at `at` counts in, as `YYYY-MM`. */
export const monthOf = (at: number): string => new Date(at).toISOString().slice(0, 7);

/**
 * The end of "one month" out of rotation that starts at `at` (PLAYBOOK: an AE who misses the window
 * twice loses eligibility for one month): the same day and time one calendar month later (UTC), or the
 * month's last day when it is shorter (31 January → 28/29 February).
 */
export const oneMonthAfter = (at: number): number => {
  const start = new Date(at);
  const target = new Date(at);
  target.setUTCDate(1);
  target.setUTCMonth(start.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target.getTime();
};

/** An AE in round-robin order: by when they joined the team, then by id. */
export type RotationAe = { id: string; createdAt: number };

const before = (a: RotationAe, b: RotationAe): boolean =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);

/**
 * Round-robin by team (PLAYBOOK: MQLs go to eligible AEs round-robin, not by favour): the team's AEs in
 * the order they joined (`createdAt`, then id); the next pick is the first eligible AE after the one
 * the last pick went to (`last`, which may since have left rotation), wrapping to the first. Returns
 * null when no AE is eligible.
 */
export const nextInRotation = (
  eligible: readonly RotationAe[],
  last: RotationAe | null,
): RotationAe | null => {
  const ordered = [...eligible].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  if (ordered.length === 0) return null;
  if (last === null) return ordered[0] ?? null;
  return ordered.find((ae) => before(last, ae)) ?? ordered[0] ?? null;
};
