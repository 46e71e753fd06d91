import type { KeyboardEvent } from 'react';

const MOVES: Record<string, (at: number, last: number) => number> = {
  ArrowDown: (at, last) => Math.min(last, at + 1),
  ArrowUp: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_at, last) => last,
};

/**
 * Moves focus among a select's open options on ArrowUp/ArrowDown/Home/End in the same turn as the
 * key, and marks the key handled so the primitive's own handler (which moves focus on a later timer)
 * stays out. A key pressed right after it — Enter to choose — then acts on the option it moved to:
 * Chromium runs input ahead of timers, so with a deferred move a quick End then Enter chose the
 * option that had focus before End.
 */
export const moveAmongOptions = (event: KeyboardEvent<HTMLElement>): void => {
  const move = MOVES[event.key];
  if (!move || event.ctrlKey || event.altKey || event.metaKey) return;
  const options = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>('[role="option"]:not([data-disabled])'),
  );
  if (options.length === 0) return;
  const at = options.indexOf(document.activeElement as HTMLElement);
  const last = options.length - 1;
  // From outside the options (the list itself has focus), Down and Home start at the top, Up and End at the bottom.
  const fromOutside = event.key === 'ArrowUp' || event.key === 'End' ? last : 0;
  const target = options[at < 0 ? fromOutside : move(at, last)];
  event.preventDefault();
  target?.scrollIntoView({ block: 'nearest' });
  target?.focus({ preventScroll: true });
};
