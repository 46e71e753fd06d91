/** Milliseconds per unit of a written duration: m(inutes), h(ours), d(ays), w(eeks). */
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** The longest snooze a duration may name: one year. */
export const MAX_DURATION_MS = 366 * 86_400_000;

/**
 * Reads a duration such as `30m`, `1h`, `1h30m`, `2d` or `1w` (units m, h, d, w; no spaces needed,
 * case ignored) as milliseconds. Returns null for anything else, zero, or more than a year
 * (`MAX_DURATION_MS`). Days are 24 hours, not calendar days.
 */
export const parseDuration = (text: string): number | null => {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!/^(\d+[mhdw])+$/.test(compact)) return null;
  let total = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+)([mhdw])/g)) {
    total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  }
  return total > 0 && total <= MAX_DURATION_MS ? total : null;
};
