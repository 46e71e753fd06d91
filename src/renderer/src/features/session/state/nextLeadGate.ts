/**
 * While a calling session moves to the next lead, the reads that only refresh what is leaving the
 * screen or sits beside it (the call list, the logged lead, the day's figures, callbacks) wait until
 * the next lead's card has painted: the core answers one request at a time, and the call list alone
 * ranks every callable lead (tens of ms at 100k leads). A hold lasts `MAX_HOLD_MS` at most, so a move
 * that never lands (a failed log, a lost answer) cannot keep the workspace stale.
 */
const MAX_HOLD_MS = 2_000;

let timer: ReturnType<typeof setTimeout> | null = null;
let waiting: Array<() => void> = [];

/** Starts (or extends) a hold: reads passed to `afterNextLead` wait until `releaseNextLead`. */
export const holdForNextLead = (): void => {
  if (timer) clearTimeout(timer);
  timer = setTimeout(releaseNextLead, MAX_HOLD_MS);
};

/** Ends the hold and runs what waited, in the order it was asked for. */
export const releaseNextLead = (): void => {
  if (timer) clearTimeout(timer);
  timer = null;
  const run = waiting;
  waiting = [];
  for (const read of run) read();
};

/** Runs `read` now, or once the next lead has painted when a session is moving to it. */
export const afterNextLead = (read: () => void): void => {
  if (timer) waiting.push(read);
  else read();
};
