import type { InboundRouting } from '@shared/server/inbound';
import { isOnShift, nextShiftStart, type ShiftTimes } from './shift-clock';

/** A rep who may take inbound leads, with their shift (null: none set, so never routed to). */
export type RoutableRep = { userId: string; shift: ShiftTimes | null };

export type RoutingChoice = { ownerId: string | null; routed: Exclude<InboundRouting, 'kept'> };

/** The candidates in round-robin order, starting after the rep who got the last lead. */
const afterPointer = <T extends { userId: string }>(candidates: readonly T[], last: string | null): T[] => {
  const sorted = [...candidates].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  if (last === null) return sorted;
  const next = sorted.findIndex((c) => c.userId > last);
  return next < 0 ? sorted : [...sorted.slice(next), ...sorted.slice(0, next)];
};

/**
 * Chooses the owner of a new inbound lead (the rule docs/server.md states):
 * 1. the reps on shift at `now` (each on their shift's own clock) take turns: the first in user-id
 *    order after `lastOwnerId` (the team's round-robin pointer), wrapping around;
 * 2. nobody on shift: the rep whose next shift starts soonest (speed to lead: the lead waits at the
 *    top of their queue for them), ties broken by the same turn order;
 * 3. no rep has a shift: unassigned (owner null), which managers see.
 * `now` is UTC epoch ms. Pure: the caller holds the pointer's row lock while choosing and moves it.
 */
export const chooseOwner = (
  reps: readonly RoutableRep[],
  lastOwnerId: string | null,
  now: number,
): RoutingChoice => {
  const withShift = reps.flatMap((rep) => (rep.shift ? [{ userId: rep.userId, shift: rep.shift }] : []));
  const onShift = withShift.filter((rep) => isOnShift(rep.shift, now));
  const [first] = afterPointer(onShift, lastOwnerId);
  if (first) return { ownerId: first.userId, routed: 'on_shift' };
  let soonest: { userId: string; at: number } | null = null;
  for (const rep of afterPointer(withShift, lastOwnerId)) {
    const at = nextShiftStart(rep.shift, now);
    if (at !== null && (soonest === null || at < soonest.at)) soonest = { userId: rep.userId, at };
  }
  if (soonest) return { ownerId: soonest.userId, routed: 'next_shift' };
  return { ownerId: null, routed: 'unassigned' };
};
