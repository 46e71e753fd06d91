// Imported first by the CLI, before any module that might warn while it loads: Node prints warnings
// to stderr, which with --json is kept for the one failure report. They are held here until the CLI
// knows its data dir, then written to its log (see process.ts).

// The `dialdeck` launcher (bin/dialdeck.mjs) may have held some already.
const launcher = globalThis as { dialdeckHeldWarnings?: Error[] };
const held: Error[] = launcher.dialdeckHeldWarnings ?? [];
const hold = (warning: Error) => {
  held.push(warning);
};
process.removeAllListeners('warning');
process.on('warning', hold);

/** Stops holding warnings and hands over those emitted so far. */
export const takeHeldWarnings = (): Error[] => {
  process.off('warning', hold);
  return held.splice(0);
};
