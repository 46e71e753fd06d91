import type { ServerHandoff } from '@shared/server/handoffs';

/** Hours left under which a hand-off counts as urgent and rises above the newer ones. */
export const URGENT_HOURS = 12;
const URGENT_MS = URGENT_HOURS * 60 * 60 * 1000;

/**
 * The inbox order, "newest and most urgent first": undecided hand-offs whose 48-hour window has under
 * `URGENT_HOURS` left come first, least time left first; then the other undecided ones, newest first;
 * decided ones are not in this list (the inbox shows them apart, newest decision first).
 */
export const inboxOrder = (handoffs: readonly ServerHandoff[]): ServerHandoff[] => {
  const open = handoffs.filter((handoff) => handoff.status === 'open');
  const urgent = open
    .filter((handoff) => (handoff.msLeft ?? Number.POSITIVE_INFINITY) < URGENT_MS)
    .sort((a, b) => (a.msLeft ?? 0) - (b.msLeft ?? 0) || b.createdAt - a.createdAt);
  const rest = open
    .filter((handoff) => (handoff.msLeft ?? Number.POSITIVE_INFINITY) >= URGENT_MS)
    .sort((a, b) => b.createdAt - a.createdAt);
  return [...urgent, ...rest];
};

/** Decided hand-offs, newest decision first. */
export const decidedOrder = (handoffs: readonly ServerHandoff[]): ServerHandoff[] =>
  handoffs
    .filter((handoff) => handoff.status === 'accepted' || handoff.status === 'rejected')
    .sort((a, b) => (b.decidedAt ?? 0) - (a.decidedAt ?? 0));

/** Hours and minutes in `ms` (never negative), for the SLA countdown. */
export const hoursAndMinutes = (ms: number): { hours: number; minutes: number } => {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
};
